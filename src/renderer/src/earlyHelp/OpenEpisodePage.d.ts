export declare function OpenEpisodePage({ id }: {
    id: string;
}): import("react").JSX.Element;
