/** Where every stack carries the bundled hook. Part of the hook contract: no imports (both walls import it). */

/** The bundled hook's file name. */
export const HOOK_ASSET_FILE = "campaigns-hook.cjs";

/**
 * Where every stack carries the bundled hook, relative to the stack directory: a fixed path, with
 * no construct id or cdktf logical-id hash in it. A destroy runs the command of the *current*
 * configuration against resources applied with an older one, so the path must survive renamed
 * constructs and new hook releases alike.
 */
export const HOOK_ASSET_DIR = "assets/campaigns-hook/v1";
export const HOOK_ASSET_PATH = `${HOOK_ASSET_DIR}/${HOOK_ASSET_FILE}`;
