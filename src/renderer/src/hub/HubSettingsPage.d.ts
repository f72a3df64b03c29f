/** Administrators: the hub's name, its authority, and how soon an unattended screen locks. */
export declare function HubSettingsPage(): import("react").JSX.Element;
