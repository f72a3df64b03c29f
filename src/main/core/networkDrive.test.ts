// Telling a network drive from the desk's own disk on each system, from what each system answers
// (real outputs of net use and mount, statfs's numbers), and the live database refused there.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { checkDatabaseFile } from './opening'
import { macMountOf, mappedShare, networkDriveOf, uncShare, type NetworkProbe } from './networkDrive'

const NET_USE_EN = `New connections will be remembered.


Status       Local     Remote                    Network

-------------------------------------------------------------------------------
OK           H:        \\\\council.local\\home\\rita   Microsoft Windows Network
Unavailable  S:        \\\\hubserver\\casebook      Microsoft Windows Network
             \\\\tsclient\\C           Microsoft Terminal Services
The command completed successfully.
`
const NET_USE_DE = `Neue Verbindungen werden gespeichert.

Status       Lokal     Remote                    Netzwerk
-------------------------------------------------------------------------------
OK           Z:        \\\\srv-akte\\daten         Microsoft Windows Network
Der Befehl wurde erfolgreich ausgeführt.
`
const MAC_MOUNT = `/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//rita@hubserver/casebook on /Volumes/casebook (smbfs, nodev, nosuid, mounted by rita)
hubnas:/export/hub on /Volumes/hub (nfs, nodev, nosuid, mounted by rita)
`

/** A system that answers as told, and remembers what it was asked. */
function probe(platform: NodeJS.Platform, answers: { statfs?: number; commands?: Record<string, string | null> } = {}): NetworkProbe & { asked: string[] } {
  const asked: string[] = []
  return {
    platform,
    asked,
    statfsType: async () => answers.statfs ?? 0xef53,
    run: async (command, args) => {
      asked.push([command, ...args].join(' '))
      return answers.commands?.[command] ?? null
    },
    realpath: (path) => path,
    env: { SystemDrive: 'C:' }
  }
}

describe('what the systems answer', () => {
  it('reads UNC paths, and not local device paths', () => {
    expect(uncShare('\\\\hubserver\\casebook\\hub.sqlite')).toBe('\\\\hubserver\\casebook')
    expect(uncShare('//hubserver/casebook/hub.sqlite')).toBe('\\\\hubserver\\casebook')
    expect(uncShare('\\\\?\\UNC\\hubserver\\casebook\\hub.sqlite')).toBe('\\\\hubserver\\casebook')
    expect(uncShare('\\\\?\\C:\\Casebook\\hub.sqlite')).toBeNull()
    expect(uncShare('\\\\.\\PhysicalDrive0')).toBeNull()
    expect(uncShare('C:\\ProgramData\\Casebook\\hub.sqlite')).toBeNull()
  })

  it("reads net use's table, in any language", () => {
    expect(mappedShare(NET_USE_EN, 'S')).toBe('\\\\hubserver\\casebook')
    expect(mappedShare(NET_USE_EN, 'h')).toBe('\\\\council.local\\home\\rita')
    expect(mappedShare(NET_USE_EN, 'D')).toBeNull()
    expect(mappedShare(NET_USE_DE, 'Z')).toBe('\\\\srv-akte\\daten')
  })

  it("finds a path's mount in macOS's table", () => {
    expect(macMountOf(MAC_MOUNT, '/Volumes/casebook/hub.sqlite')).toEqual({
      device: '//rita@hubserver/casebook',
      mountPoint: '/Volumes/casebook',
      type: 'smbfs'
    })
    expect(macMountOf(MAC_MOUNT, '/Users/rita/Casebook/hub.sqlite')?.type).toBe('apfs')
    expect(macMountOf(MAC_MOUNT, '/Volumes/hubx/hub.sqlite')?.mountPoint).toBe('/')
  })
})

describe('networkDriveOf', () => {
  it('Windows: a UNC path, a letter net use maps to a share, a letter PowerShell calls a network drive', async () => {
    expect(await networkDriveOf('\\\\hubserver\\casebook\\hub.sqlite', probe('win32'))).toEqual({ kind: 'unc', where: '\\\\hubserver\\casebook' })
    expect(await networkDriveOf('S:\\hub.sqlite', probe('win32', { commands: { net: NET_USE_EN } }))).toEqual({
      kind: 'mapped',
      where: 'S: is mapped to \\\\hubserver\\casebook'
    })
    const viaPowerShell = probe('win32', { commands: { net: NET_USE_EN, 'powershell.exe': 'Network\r\n' } })
    expect(await networkDriveOf('N:\\hub.sqlite', viaPowerShell)).toEqual({ kind: 'mapped', where: 'N: is a network drive' })
    expect(viaPowerShell.asked).toEqual(['net use', "powershell.exe -NoProfile -NonInteractive -Command [System.IO.DriveInfo]::new('N').DriveType"])
  })

  it("Windows: the desk's own drives, and a probe that cannot run, are not network drives", async () => {
    const system = probe('win32', { commands: { net: NET_USE_EN } })
    expect(await networkDriveOf('C:\\ProgramData\\Casebook\\hub.sqlite', system)).toBeNull()
    expect(system.asked).toEqual([])
    expect(await networkDriveOf('D:\\Casebook\\hub.sqlite', probe('win32', { commands: { net: NET_USE_EN, 'powershell.exe': 'Fixed' } }))).toBeNull()
    expect(await networkDriveOf('D:\\Casebook\\hub.sqlite', probe('win32'))).toBeNull()
  })

  it("Linux: NFS, SMB and CIFS by statfs's type; ext4, XFS and tmpfs are the desk's own", async () => {
    expect(await networkDriveOf('/mnt/hub/hub.sqlite', probe('linux', { statfs: 0x6969 }))).toEqual({ kind: 'mount', where: 'a network file system (NFS)' })
    expect(await networkDriveOf('/mnt/hub/hub.sqlite', probe('linux', { statfs: 0xff534d42 }))).toEqual({
      kind: 'mount',
      where: 'a network file system (CIFS)'
    })
    expect(await networkDriveOf('/mnt/hub/hub.sqlite', probe('linux', { statfs: 0xfe534d42 }))).toEqual({
      kind: 'mount',
      where: 'a network file system (SMB2)'
    })
    for (const local of [0xef53, 0x58465342, 0x01021994]) expect(await networkDriveOf('/var/hub.sqlite', probe('linux', { statfs: local }))).toBeNull()
  })

  it("macOS: smbfs and nfs by mount's table; apfs is the desk's own", async () => {
    const mac = probe('darwin', { commands: { '/sbin/mount': MAC_MOUNT } })
    expect(await networkDriveOf('/Volumes/casebook/hub.sqlite', mac)).toEqual({
      kind: 'mount',
      where: 'smbfs //rita@hubserver/casebook mounted on /Volumes/casebook'
    })
    expect(await networkDriveOf('/Volumes/hub/casebook/hub.sqlite', mac)).toMatchObject({ kind: 'mount' })
    expect(await networkDriveOf('/Users/rita/hub.sqlite', mac)).toBeNull()
  })

  it("this machine's temporary folder is its own disk", async () => {
    expect(await networkDriveOf(join(tmpdir(), 'no-such-folder', 'hub.sqlite'))).toBeNull()
  })
})

describe('opening a live database on a network drive', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'network-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const share = async () => ({ kind: 'unc' as const, where: '\\\\hubserver\\casebook' })

  it('is refused before anything is made there, even by init; reading a copy there is not', async () => {
    const path = join(dir, 'new', 'hub.sqlite')
    for (const mode of ['existing', 'create'] as const) {
      await expect(checkDatabaseFile(path, mode, 'machine config', share)).rejects.toMatchObject({
        kind: 'network',
        message: expect.stringContaining(`The database at ${path} is on a network drive (\\\\hubserver\\casebook).`)
      })
    }
    expect(readdirSync(dir)).toEqual([])
    await expect(checkDatabaseFile(path, 'readOnly', 'argument', share)).rejects.toMatchObject({ kind: 'missing' })
  })
})
