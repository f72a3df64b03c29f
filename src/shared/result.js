// Every call across the IPC boundary answers a Result: errors are values, never thrown.
export const ERROR_CODES = [
    'VALIDATION', // the input broke a rule; `fields` says which, by path (members.0.nhsNumber)
    'NOT_FOUND',
    'CONFLICT', // someone else saved the record since it was opened
    'DUPLICATE_UNCONFIRMED', // a possible duplicate has not been looked at
    'UNKNOWN_CHANNEL',
    'UNAUTHENTICATED', // nobody is signed in, or the username or password was not right
    'LOCKED', // the screen is locked: the user must enter their password again
    'PASSWORD_CHANGE_REQUIRED',
    'FORBIDDEN',
    'UNAVAILABLE', // the database is busy or closed; trying again may work
    'INTERNAL'
];
