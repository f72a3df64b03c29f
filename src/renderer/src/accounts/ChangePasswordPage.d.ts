/** Changing one's own password; required after an administrator has reset it. */
export declare function ChangePasswordPage({ required }: {
    required: boolean;
}): import("react").JSX.Element;
