/** The one IPC channel: it carries a contract channel name and its input to the core router. */
export const INVOKE_CHANNEL = 'casebook:invoke';
