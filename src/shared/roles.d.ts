import { z } from 'zod';
export declare const ROLES: readonly [{
    readonly code: "reception";
    readonly label: "Reception";
}, {
    readonly code: "practitioner";
    readonly label: "Early-help practitioner";
}, {
    readonly code: "manager";
    readonly label: "Hub manager";
}, {
    readonly code: "admin";
    readonly label: "Administrator (IT)";
}];
export declare const roleSchema: z.ZodEnum<{
    reception: "reception";
    practitioner: "practitioner";
    manager: "manager";
    admin: "admin";
}>;
export type Role = z.infer<typeof roleSchema>;
/**
 * Every permission a channel can require. 'public' channels answer without signing in (status,
 * setup, sign-in); 'signedIn' ones need any signed-in user (lock, change password).
 */
export declare const PERMISSIONS: readonly ["public", "signedIn", "hub.read", "people.search", "families.read", "families.write", "consent.write", "earlyHelp.read", "earlyHelp.write", "episodes.manage", "audit.read", "families.restrict", "users.manage", "hub.manage"];
export type Permission = (typeof PERMISSIONS)[number];
export declare const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>>;
export declare function roleMay(role: Role, permission: Permission): boolean;
