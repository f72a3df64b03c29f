/** The first start on an empty database: the hub, and its first administrator. */
export declare function SetupPage(): import("react").JSX.Element;
