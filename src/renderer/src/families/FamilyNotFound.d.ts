import type { AppErrorValue } from '../../../shared/result';
/** What every page about a family shows when the family cannot be loaded. */
export declare function FamilyNotFound({ error }: {
    error: AppErrorValue;
}): import("react").JSX.Element;
