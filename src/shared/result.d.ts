export declare const ERROR_CODES: readonly ["VALIDATION", "NOT_FOUND", "CONFLICT", "DUPLICATE_UNCONFIRMED", "UNKNOWN_CHANNEL", "UNAUTHENTICATED", "LOCKED", "PASSWORD_CHANGE_REQUIRED", "FORBIDDEN", "UNAVAILABLE", "INTERNAL"];
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface AppErrorValue {
    code: ErrorCode;
    message: string;
    fields?: Record<string, string>;
}
export type Result<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    error: AppErrorValue;
};
