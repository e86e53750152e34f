// This file is generated from openapi/openapi.json and openapi/overlay.yaml by
// packages/api-types/generate.ts. Do not edit it by hand: run `pnpm generate`.

export interface paths {
    "/v3/brackets/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create Order Brackets
         * @description Registers one bracket (a single exposure) for an order and returns where to upload its file. 404 when the order does not exist.
         */
        post: operations["create_bracket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/brackets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve a bracket */
        get: operations["retrieve_bracket"];
        put?: never;
        post?: never;
        /** Delete a bracket */
        delete: operations["delete_bracket"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/images/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an image
         * @description Registers an image and returns upload_file_url, the address to PUT the file to; enhancement begins automatically once the upload is complete. Give order_id to add the image to an existing order, otherwise a new order is made. Settings such as restage, enhance and preset_id decide how it is processed; an unknown preset gives 404. Premium restage settings (for example environment) are not accepted at creation.
         */
        post: operations["create_image"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/images/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve an image */
        get: operations["retrieve_image"];
        put?: never;
        post?: never;
        /** Delete an image */
        delete: operations["delete_image"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/images/{id}/enhanced": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the enhanced image
         * @description Renders the enhanced result. By default a preview is returned; preview=false buys and returns the full-size image.
         */
        get: operations["download_enhanced_image"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/images/{id}/original": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the original image
         * @description Renders the uploaded original (or the merged HDR) with the requested output options.
         */
        get: operations["download_original_image"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/images/{id}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reprocess an image
         * @description Runs the enhancement again; settings left out keep their previous values.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImageInUpdate"];
                };
            };
            responses: {
                /** @description Successful response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImageOut"];
                    };
                };
                /** @description Authentication error */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HTTPError"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HTTPError"];
                    };
                };
                /** @description Validation error */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ValidationError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/images/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report an image
         * @description Sends feedback on an enhancement: a score, categories and an optional comment.
         */
        post: operations["report_image"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/orders/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description Returns your orders, newest first unless told otherwise. q filters by order name; sort takes name or date, with a leading '-' for descending (e.g. -date); per_page sets the page size and offset continues from the next_offset of the previous page.
         */
        get: operations["list_orders"];
        put?: never;
        /**
         * Create an order
         * @description Creates an empty order; images can also create one implicitly. A custom order_id must be unique.
         */
        post: operations["create_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve an order
         * @description Fetches one order with its images; sort_images_by controls image order.
         */
        get: operations["retrieve_order"];
        put?: never;
        post?: never;
        /**
         * Delete an order
         * @description Deletes one order.
         */
        delete: operations["delete_order"];
        options?: never;
        head?: never;
        /**
         * Update an order
         * @description Changes the details of one order; sort_images_by controls image order in the response.
         */
        patch: operations["update_order"];
        trace?: never;
    };
    "/v3/orders/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge HDR
         * @description Older trigger for merging an order's HDR brackets; the documented route is now /v3/orders/{id}/process.
         */
        post: operations["merge_hdr"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/orders/{id}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Process an order
         * @description Groups the brackets uploaded to the order into images (explicitly, by count, or by visual analysis) and then processes every image in the order.
         */
        post: operations["process_order"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/orders/{order_id}/brackets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an order's brackets
         * @description Lists the brackets uploaded to one order.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    order_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Successful response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrderBracketsOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HTTPError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/organizations/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an organization
         * @description Creates an organization.
         */
        post: operations["create_organization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BracketCreatedOut: {
            bracket_id?: string;
            readonly image_id?: unknown;
            /** @description True once the bracket file has been uploaded. */
            is_uploaded?: boolean;
            /** @description Free-form key/value metadata kept with the bracket. */
            metadata?: {
                [key: string]: unknown;
            };
            name?: string;
            order_id?: string;
            /** @description Pre-signed URL to PUT the bracket file to. */
            readonly s3PutObjectUrl?: unknown;
            /** @description Pre-signed URL to PUT the bracket file to (newer name). */
            readonly upload_url?: unknown;
        };
        BracketIn: {
            /** @description Free-form key/value metadata kept with the image. */
            metadata?: {
                [key: string]: unknown;
            };
            /** @description File name of the bracket (no slashes). */
            name: string;
            /** @description Order the bracket belongs to. */
            order_id: string;
        };
        BracketOut: {
            bracket_id?: string;
            readonly image_id?: unknown;
            /** @description True once the bracket file has been uploaded. */
            is_uploaded?: boolean;
            /** @description Free-form key/value metadata kept with the bracket. */
            metadata?: {
                [key: string]: unknown;
            };
            name?: string;
            order_id?: string;
        };
        /** @description Fine-tuning adjustments for rendering; individual fields not recovered. */
        FinetuneOptions: {
            [key: string]: unknown;
        };
        HTTPError: {
            detail?: Record<string, never>;
            message?: string;
        };
        ImageCreatedOut: {
            /** @description AI model release used for the image. */
            ai_version?: string;
            /**
             * @description Cloud style of the replacement sky.
             * @enum {string|null}
             */
            cloud_type?: "CLEAR" | "LOW_CLOUD" | "HIGH_CLOUD" | null;
            /** @description When the image was registered, as an integer timestamp. */
            date_added?: number;
            /** @description True once the image has been downloaded (and paid for). */
            downloaded?: boolean;
            /**
             * @description Run the AI enhancement.
             * @default true
             */
            enhance: boolean;
            /**
             * @description Enhancement style: property/property_usa for AI below 4.0; warm, neutral (and, where listed, authentic) from 4.0.
             * @enum {string}
             */
            enhance_type?: "property" | "property_usa" | "warm" | "neutral";
            finetune_settings?: (Record<string, never> | null) | components["schemas"]["FinetuneOptions"];
            /** Format: uuid */
            image_id?: string;
            image_name?: string;
            /**
             * @description Remove lens distortion.
             * @default true
             */
            lens_correction: boolean;
            readonly order_id?: unknown;
            /** @description For sub-images made by premium restaging, the ID of the image they came from; null for originals. */
            parent_image_id?: string | null;
            /** @description ID of the preset applied to the image. */
            readonly preset_id?: unknown;
            /** @description Blur faces and number plates. */
            privacy?: boolean | null;
            /** @description Score from 0 to 5 for the enhancement quality; higher is better. */
            rating?: number;
            /** @description Legacy name of the pre-signed upload URL. */
            readonly s3PutObjectUrl?: unknown;
            /** @description Scene detected in the photo, such as kitchen, patio or garden. */
            scene?: string;
            /** @description Whether sky replacement was switched on. */
            sky_replacement?: boolean;
            /** @description Current processing state of the image. */
            readonly status?: unknown;
            /** @description Explanation of the current status. */
            readonly status_reason?: unknown;
            /** @description Pre-signed URL to PUT the image file to; enhancement starts once the upload completes. */
            readonly upload_file_url?: unknown;
            /** @description Upscale the result. */
            upscale?: boolean;
            /** @description ID of the user who owns the image. */
            readonly user_id?: unknown;
            /** @description Whether vertical correction was switched on. */
            vertical_correction?: boolean;
            /** @description Apply window pull (AI 4.0 and later). */
            window_pull?: boolean | null;
            /**
             * @description Window pull style: none, windows only, or windows together with the sky seen through them.
             * @enum {string}
             */
            window_pull_type?: "NONE" | "ONLY_WINDOWS" | "WINDOWS_WITH_SKIES";
        } & {
            [key: string]: unknown;
        };
        ImageIn: {
            /** @description AI model release to use, e.g. latest, stable or beta; a version ending in .x follows the newest minor release. */
            ai_version?: string;
            /**
             * @description Cloud style of the replacement sky.
             * @enum {string|null}
             */
            cloud_type?: "CLEAR" | "LOW_CLOUD" | "HIGH_CLOUD" | null;
            /**
             * @description Run the AI enhancement.
             * @default true
             */
            enhance: boolean;
            finetune_settings?: (Record<string, never> | null) | components["schemas"]["FinetuneOptions"];
            image_name: string;
            /**
             * @description Remove lens distortion.
             * @default true
             */
            lens_correction: boolean;
            /** @description Free-form key/value metadata kept with the image. */
            metadata?: {
                [key: string]: unknown;
            } | null;
            order_id?: string;
            /** @description ID of a saved preset to apply. */
            preset_id?: string | null;
            /** @description Blur faces and number plates. */
            privacy?: boolean | null;
            /** @description Score from 0 to 5 for the enhancement quality; higher is better. */
            rating?: number;
            /** @description In-painting options that change scene details, e.g. lighting a fireplace or removing clutter such as tripods or screen smudges. */
            restage?: components["schemas"]["RestageOptions"] | (Record<string, never> | null);
            /** @description Legacy switch for sky replacement; newer API versions use restage.sky. */
            sky_replacement?: boolean;
            /** @description Mark the image as a 360-degree panorama. */
            threesixty?: boolean;
            /** @description Upscale the result. */
            upscale?: boolean;
            /**
             * @description Straighten converging vertical lines.
             * @default true
             */
            vertical_correction: boolean;
            /** @description Apply window pull (AI 4.0 and later). */
            window_pull?: boolean | null;
            /**
             * @description Window pull style: none, windows only, or windows together with the sky seen through them.
             * @enum {string}
             */
            window_pull_type?: "NONE" | "ONLY_WINDOWS" | "WINDOWS_WITH_SKIES";
        } & {
            [key: string]: unknown;
        };
        ImageInUpdate: {
            /** @description AI model release to use, e.g. latest, stable or beta; a version ending in .x follows the newest minor release. */
            ai_version?: string;
            /**
             * @description Cloud style of the replacement sky.
             * @enum {string|null}
             */
            cloud_type?: "CLEAR" | "LOW_CLOUD" | "HIGH_CLOUD" | null;
            /**
             * @description Run the AI enhancement.
             * @default true
             */
            enhance: boolean;
            finetune_settings?: (Record<string, never> | null) | components["schemas"]["FinetuneOptions"];
            image_name?: string;
            /**
             * @description Remove lens distortion.
             * @default true
             */
            lens_correction: boolean;
            /** @description Free-form key/value metadata kept with the image. */
            metadata?: {
                [key: string]: unknown;
            } | null;
            order_id?: string;
            /** @description ID of a saved preset to apply. */
            preset_id?: string | null;
            /** @description Blur faces and number plates. */
            privacy?: boolean | null;
            /** @description Score from 0 to 5 for the enhancement quality; higher is better. */
            rating?: number;
            /** @description In-painting options that change scene details, e.g. lighting a fireplace or removing clutter such as tripods or screen smudges. */
            restage?: components["schemas"]["RestageOptions"] | (Record<string, never> | null);
            /** @description Legacy switch for sky replacement; newer API versions use restage.sky. */
            sky_replacement?: boolean;
            /** @description Mark the image as a 360-degree panorama. */
            threesixty?: boolean;
            /** @description Upscale the result. */
            upscale?: boolean;
            /**
             * @description Straighten converging vertical lines.
             * @default true
             */
            vertical_correction: boolean;
            /** @description Apply window pull (AI 4.0 and later). */
            window_pull?: boolean | null;
            /**
             * @description Window pull style: none, windows only, or windows together with the sky seen through them.
             * @enum {string}
             */
            window_pull_type?: "NONE" | "ONLY_WINDOWS" | "WINDOWS_WITH_SKIES";
        } & {
            [key: string]: unknown;
        };
        ImageOut: {
            /** @description AI model release used for the image. */
            ai_version?: string;
            /**
             * @description Cloud style of the replacement sky.
             * @enum {string|null}
             */
            cloud_type?: "CLEAR" | "LOW_CLOUD" | "HIGH_CLOUD" | null;
            /** @description When the image was registered, as an integer timestamp. */
            date_added?: number;
            /** @description True once the image has been downloaded (and paid for). */
            downloaded?: boolean;
            /**
             * @description Run the AI enhancement.
             * @default true
             */
            enhance: boolean;
            /**
             * @description Enhancement style: property/property_usa for AI below 4.0; warm, neutral (and, where listed, authentic) from 4.0.
             * @enum {string}
             */
            enhance_type?: "property" | "property_usa" | "warm" | "neutral";
            finetune_settings?: (Record<string, never> | null) | components["schemas"]["FinetuneOptions"];
            /** Format: uuid */
            image_id?: string;
            image_name?: string;
            /**
             * @description Remove lens distortion.
             * @default true
             */
            lens_correction: boolean;
            readonly order_id?: unknown;
            /** @description For sub-images made by premium restaging, the ID of the image they came from; null for originals. */
            parent_image_id?: string | null;
            /** @description ID of the preset applied to the image. */
            readonly preset_id?: unknown;
            /** @description Blur faces and number plates. */
            privacy?: boolean | null;
            /** @description Score from 0 to 5 for the enhancement quality; higher is better. */
            rating?: number;
            /** @description Scene detected in the photo, such as kitchen, patio or garden. */
            scene?: string;
            /** @description Whether sky replacement was switched on. */
            sky_replacement?: boolean;
            /** @description Current processing state of the image. */
            readonly status?: unknown;
            /** @description Explanation of the current status. */
            readonly status_reason?: unknown;
            /** @description Upscale the result. */
            upscale?: boolean;
            /** @description ID of the user who owns the image. */
            readonly user_id?: unknown;
            /** @description Whether vertical correction was switched on. */
            vertical_correction?: boolean;
            /** @description Apply window pull (AI 4.0 and later). */
            window_pull?: boolean | null;
            /**
             * @description Window pull style: none, windows only, or windows together with the sky seen through them.
             * @enum {string}
             */
            window_pull_type?: "NONE" | "ONLY_WINDOWS" | "WINDOWS_WITH_SKIES";
        } & {
            [key: string]: unknown;
        };
        OrderBracketsOut: {
            brackets?: components["schemas"]["BracketOut"][];
        };
        OrderHDRMerge: {
            /** @description AI model version used for the enhancement; a version ending in .x follows the newest minor release. */
            ai_version?: string;
            /**
             * @description Cloud style of the replacement sky.
             * @enum {string|null}
             */
            cloud_type?: "CLEAR" | "LOW_CLOUD" | "HIGH_CLOUD" | null;
            /**
             * @description Run the AI enhancement.
             * @default true
             */
            enhance: boolean;
            /**
             * @description Enhancement style: property/property_usa for AI below 4.0; warm, neutral (and, where listed, authentic) from 4.0.
             * @enum {string}
             */
            enhance_type?: "property" | "property_usa" | "warm" | "neutral";
            /**
             * @description Remove lens distortion.
             * @default true
             */
            lens_correction: boolean;
            /** @description Group every N brackets into one image; leave out or send 0 to let visual analysis do the grouping. */
            number_of_brackets_per_image?: number;
            /** @description Blur faces and number plates. */
            privacy?: boolean | null;
            /** @description Swap the original sky for a summer sky. */
            sky_replacement?: boolean;
            /** @description Upscale the result. */
            upscale?: boolean;
            /**
             * @description Straighten converging vertical lines.
             * @default true
             */
            vertical_correction: boolean;
            /** @description Apply window pull (AI 4.0 and later). */
            window_pull?: boolean | null;
        };
        OrderHDRProcessIn: {
            /** @description AI model version used for the enhancement; a version ending in .x follows the newest minor release. */
            ai_version?: string;
            /**
             * @description Cloud style of the replacement sky.
             * @enum {string|null}
             */
            cloud_type?: "CLEAR" | "LOW_CLOUD" | "HIGH_CLOUD" | null;
            /**
             * @description Run the AI enhancement.
             * @default true
             */
            enhance: boolean;
            /**
             * @description Enhancement style: property/property_usa for AI below 4.0; warm, neutral (and, where listed, authentic) from 4.0.
             * @enum {string}
             */
            enhance_type?: "property" | "property_usa" | "warm" | "neutral";
            /** @description Explicit bracket grouping: one entry per output image. Leave out to group by count or automatically. */
            images?: components["schemas"]["OrderImageIn"][];
            /**
             * @description Remove lens distortion.
             * @default true
             */
            lens_correction: boolean;
            /** @description Group every N brackets into one image; leave out or send 0 to let visual analysis do the grouping. */
            number_of_brackets_per_image?: number;
            /** @description ID of a saved preset to apply. */
            preset_id?: string | null;
            /** @description Blur faces and number plates. */
            privacy?: boolean | null;
            /** @description Swap the original sky for a summer sky. */
            sky_replacement?: boolean;
            /** @description Upscale the result. */
            upscale?: boolean;
            /**
             * @description Straighten converging vertical lines.
             * @default true
             */
            vertical_correction: boolean;
            /** @description Apply window pull (AI 4.0 and later). */
            window_pull?: boolean | null;
            /**
             * @description Window pull style: none, windows only, or windows together with the sky seen through them.
             * @enum {string}
             */
            window_pull_type?: "NONE" | "ONLY_WINDOWS" | "WINDOWS_WITH_SKIES";
        };
        OrderImageIn: {
            /** @description Brackets to merge into this image. */
            bracket_ids?: string[];
        };
        OrderIn: {
            /**
             * @description Default order of the images in this order; a leading '-' means descending.
             * @enum {unknown}
             */
            default_image_sort_order?: "name" | "-name" | "date_added" | "-date_added" | "custom";
            /** @description Order name. */
            name?: string;
            /** @description Custom order ID; must be unique. Generated when omitted. */
            order_id?: string;
        };
        OrderOut: {
            /**
             * Format: date-time
             * @description Creation time of the order.
             */
            created_at?: string;
            /**
             * @description Default order of the images in this order.
             * @enum {unknown}
             */
            default_image_sort_order?: "name" | "-name" | "date_added" | "-date_added" | "custom";
            /** @description Images that belong to the order. */
            readonly images?: components["schemas"]["ImageOut"][];
            /** @description True if the order has been deleted. */
            is_deleted?: boolean;
            /** @description True while the order's brackets are being merged. */
            is_merging?: boolean;
            /** @description True while the order is still being processed. */
            is_processing?: boolean;
            /**
             * Format: date-time
             * @description Last modification time of the order.
             */
            last_updated_at?: string;
            /** @description Order name. */
            name?: string;
            /** @description Order identifier. */
            order_id: string;
            /** @description Current processing state of the order. */
            readonly status: string;
            /** @description How many images the order holds. */
            total_images?: number;
        };
        OrdersOut: {
            orders?: components["schemas"]["OrderOut"][];
            pagination?: components["schemas"]["Pagination"];
        };
        OrganizationIn: {
            /**
             * @description User who pays for the organization; the owner when not given.
             * @default null
             */
            billing_user_id: string | null;
            /** @description Organization name, unique regardless of case. */
            name?: string;
        };
        OrganizationOut: {
            readonly billing_user_id?: unknown;
            is_deleted?: boolean;
            name?: string;
            organization_id?: string;
            readonly owner_id?: unknown;
            readonly users?: unknown;
        };
        Pagination: {
            /** @description Token for the next page, or null on the last page; pass it back as the offset query parameter. */
            next_offset?: string | null;
            /**
             * @description Page size used for the results.
             * @default 5
             */
            per_page: number;
        };
        ReportIn: {
            /** @description Report categories that apply. */
            categories: ("AUTO_PRIVACY" | "COLOUR" | "CONTRAST" | "DOWNLOAD" | "DYNAMIC_RANGE" | "EXPOSURE" | "HDR" | "IMAGE_QUALITY" | "ITEM_REMOVAL" | "LENS_CORRECTION" | "NO_COMPLAINTS" | "NOISE" | "OTHER" | "PERSPECTIVE_CORRECTION" | "PROCESSING" | "SHARPNESS" | "SKY_REPLACEMENT" | "WHITE_BALANCE" | "WINDOW_PULL" | "PRIVACY")[];
            /** @description Optional free-text note sent with the report. */
            comment?: string;
            /** @description Score from 0 to 5 for the enhancement quality; higher is better. */
            score?: number;
            /**
             * @description Where the report comes from.
             * @enum {string}
             */
            source?: "WEBAPP" | "API";
        };
        RestageOptions: {
            /**
             * @description AS_SHOT keeps fireplaces as captured; ALIGHT paints a fire in.
             * @enum {string|null}
             */
            fire_in_fireplaces?: "AS_SHOT" | "ALIGHT" | null;
            /**
             * @description Sky to show; AS_SHOT keeps the original. Replaces sky_replacement/cloud_type from API version 2026-07-01.
             * @enum {string|null}
             */
            sky?: "AS_SHOT" | "CLEAR" | "LOW_CLOUD" | "LOW_CLOUD_LOW_SAT" | "HIGH_CLOUD" | "WHISPY_CLOUD" | "DUSK_CLOUD" | null;
        } & {
            [key: string]: unknown;
        };
        ValidationError: {
            detail?: {
                [key: string]: {
                    [key: string]: string[];
                };
            };
            message?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    create_bracket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BracketIn"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BracketCreatedOut"];
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    retrieve_bracket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BracketOut"];
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
        };
    };
    delete_bracket: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
        };
    };
    create_image: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ImageIn"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageCreatedOut"];
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    retrieve_image: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImageOut"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
        };
    };
    delete_image: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
        };
    };
    download_enhanced_image: {
        parameters: {
            query?: {
                /** @description Output quality, from 1 to 90. */
                quality?: number;
                /** @description Output file format: png, jpeg or webp. */
                format?: "png" | "jpeg" | "webp";
                /** @description Return a lower-quality preview instead of the full image. */
                preview?: boolean;
                /** @description Add a watermark. */
                watermark?: boolean;
                /** @description Apply the finetune settings when rendering. */
                finetune?: boolean;
                /** @description Maximum width of the output in pixels (positive integer). */
                max_width?: number;
                /** @description Scale factor between 0.0 and 1.0. */
                scale?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    download_original_image: {
        parameters: {
            query?: {
                /** @description Output quality, from 1 to 90. */
                quality?: number;
                /** @description Output file format: png, jpeg or webp. */
                format?: "png" | "jpeg" | "webp";
                /** @description Return a lower-quality preview instead of the full image. */
                preview?: boolean;
                /** @description Add a watermark. */
                watermark?: boolean;
                /** @description Apply the finetune settings when rendering. */
                finetune?: boolean;
                /** @description Maximum width of the output in pixels (positive integer). */
                max_width?: number;
                /** @description Scale factor between 0.0 and 1.0. */
                scale?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    report_image: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["ReportIn"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    list_orders: {
        parameters: {
            query?: {
                /** @description Search text matched against order names. */
                q?: string;
                /** @description Sort key: name or date, prefixed with '-' for descending; most recent first by default. */
                sort?: "name" | "-name" | "date" | "-date";
                /** @description Page token taken from next_offset of the previous page. */
                offset?: string | null;
                /** @description How many items to return per page; the server may return fewer. */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrdersOut"];
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    create_order: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrderIn"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    retrieve_order: {
        parameters: {
            query?: {
                /** @description Order in which the order's images are returned. */
                sort_images_by?: "name" | "-name" | "date_added" | "-date_added" | "custom";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    delete_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
        };
    };
    update_order: {
        parameters: {
            query?: {
                /** @description Order in which the order's images are returned. */
                sort_images_by?: "name" | "-name" | "date_added" | "-date_added" | "custom";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrderIn"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    merge_hdr: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrderHDRMerge"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    process_order: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrderHDRProcessIn"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderOut"];
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
    create_organization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OrganizationIn"];
            };
        };
        responses: {
            /** @description Successful response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganizationOut"];
                };
            };
            /** @description Authentication error */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Validation error */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationError"];
                };
            };
        };
    };
}
