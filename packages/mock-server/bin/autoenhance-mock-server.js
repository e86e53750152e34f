#!/usr/bin/env node
// Committed rather than built, so that installing the workspace before its first build can link
// the command; the program itself is dist/bin.js.
import "../dist/bin.js";
