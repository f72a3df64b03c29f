/** Closing the family's episode: why, what came of each headline, and what the family thinks. */
export declare function CloseEpisodePage({ id }: {
    id: string;
}): import("react").JSX.Element;
