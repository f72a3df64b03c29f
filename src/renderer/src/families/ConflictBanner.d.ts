/** A colleague saved first: the user's changes stay on screen until they choose to load theirs. */
export declare function ConflictBanner({ message, onLoadLatest }: {
    message: string;
    onLoadLatest: () => void;
}): import("react").JSX.Element;
