/** Administrators: who can use Casebook, in which role. */
export declare function UsersPage({ notice }: {
    notice?: string;
}): import("react").JSX.Element;
export declare function ResetPasswordPage({ userId }: {
    userId: string;
}): import("react").JSX.Element;
