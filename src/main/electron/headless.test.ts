// Which starts of the executable are headless commands, and which open the window.
import { describe, expect, it } from 'vitest'
import { headlessArguments } from './headless'

describe('headlessArguments', () => {
  it("runs a command named after the installed executable, with the command's options", () => {
    expect(headlessArguments(['C:\\Program Files\\Casebook\\Casebook.exe', 'export', '--full', '--db', 'D:\\hub.sqlite'], true)).toEqual([
      'export',
      '--full',
      '--db',
      'D:\\hub.sqlite'
    ])
    expect(headlessArguments(['Casebook.exe', '--db', 'D:\\hub.sqlite', 'audit', 'verify'], true)).toEqual(['--db', 'D:\\hub.sqlite', 'audit', 'verify'])
    // IT upgrades the hub's shared PostgreSQL tables from an installed desk, where there is no npm.
    expect(headlessArguments(['Casebook.exe', 'migrate', '--postgres', '--owner', 'casebook_owner'], true)).toEqual([
      'migrate',
      '--postgres',
      '--owner',
      'casebook_owner'
    ])
  })

  it('skips the app folder that electron . puts first in development', () => {
    expect(headlessArguments(['electron', '.', 'init'], false)).toEqual(['init'])
    expect(headlessArguments(['electron', '.'], false)).toBeNull()
  })

  it('opens the window for no command, a database path alone, or anything that is not a Casebook command', () => {
    expect(headlessArguments(['Casebook.exe'], true)).toBeNull()
    expect(headlessArguments(['Casebook.exe', '--db', 'D:\\hub.sqlite'], true)).toBeNull()
    expect(headlessArguments(['Casebook.exe', 'D:\\evil.js'], true)).toBeNull()
    // Synthetic families are for development copies only.
    expect(headlessArguments(['Casebook.exe', 'seed', '--families', '500'], true)).toBeNull()
    expect(headlessArguments(['Casebook.exe', '--inspect=9229'], true)).toBeNull()
    // A value is never taken for the command: a database file named "export" opens the window on it.
    expect(headlessArguments(['Casebook.exe', '--db', 'export'], true)).toBeNull()
  })
})
