/** Locks the session after the hub's idle time; the page underneath keeps everything typed. */
export declare function useIdleLock(minutes: number, active: boolean): void;
export declare function LockScreen({ displayName, username }: {
    displayName: string;
    username: string;
}): import("react").JSX.Element;
