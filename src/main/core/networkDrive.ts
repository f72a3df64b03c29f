// Whether a path is on a network drive. SQLite's locking and its write-ahead log depend on the file
// system of one machine: over SMB or NFS a dropped connection or a second desk can damage the file
// (sqlite.org/useovernet.html), so the live database is refused there (./opening). Backups may go
// to a share: they are whole files, written once and renamed.
//   Windows: a UNC path (\\server\share), or a drive letter mapped to one (net use, else PowerShell).
//   Linux: the file system's type from statfs (NFS, SMB, CIFS, AFS, Coda, NCP, Ceph).
//   macOS: the file system's type from mount's table (nfs, smbfs, afpfs, webdav...).
// A probe that cannot run (no net use, no PowerShell) says nothing rather than refuse a desk's disk.
import { execFile } from 'node:child_process'
import { existsSync, realpathSync } from 'node:fs'
import { statfs } from 'node:fs/promises'
import { dirname, resolve, win32 } from 'node:path'

export interface NetworkDrive {
  /** unc: a \\server\share path. mapped: a drive letter mapped to a share. mount: a network file system mounted on Linux or macOS. */
  kind: 'unc' | 'mapped' | 'mount'
  /** What to name to IT: the share, or the file system's type and where it is mounted. */
  where: string
}

/** What the operating system is asked; a test gives its own answers. */
export interface NetworkProbe {
  platform: NodeJS.Platform
  /** The file system type number statfs gives (Linux). */
  statfsType(path: string): Promise<number>
  /** A command's standard output, or null when it could not run or failed. */
  run(command: string, args: string[]): Promise<string | null>
  /** The path with links resolved (the nearest part of it that exists). */
  realpath(path: string): string
  env: NodeJS.ProcessEnv
}

/** Linux statfs magic numbers of network file systems (linux/magic.h and the file systems' own headers). */
const NETWORK_FS_TYPES: Record<number, string> = {
  0x6969: 'NFS',
  0x517b: 'SMB',
  0xff534d42: 'CIFS',
  0xfe534d42: 'SMB2',
  0x564c: 'NCP',
  0x5346414f: 'AFS',
  0x6b414653: 'AFS',
  0x73757245: 'Coda',
  0x00c36400: 'Ceph'
}

/** macOS mount table types that are network file systems. */
const MAC_NETWORK_TYPES = new Set(['nfs', 'smbfs', 'afpfs', 'webdav', 'cifs', 'ftp'])

/** A UNC path (\\server\share\..., \\?\UNC\server\share\..., //server/share/...); not a local device path (\\?\C:\, \\.\). */
export function uncShare(path: string): string | null {
  const p = path.replace(/\//g, '\\')
  const long = /^\\\\\?\\UNC\\([^\\]+)\\([^\\]+)/i.exec(p)
  if (long) return `\\\\${long[1]}\\${long[2]}`
  if (/^\\\\[?.]\\/.test(p)) return null
  const unc = /^\\\\([^\\]+)\\([^\\]+)/.exec(p)
  return unc ? `\\\\${unc[1]}\\${unc[2]}` : null
}

/** The share a drive letter is mapped to, from `net use`'s table (its words are localised; its columns are not). */
export function mappedShare(netUse: string, letter: string): string | null {
  const pattern = new RegExp(`(?:^|\\s)${letter}:\\s+(\\\\\\\\\\S+)`, 'i')
  for (const line of netUse.split(/\r?\n/)) {
    const found = pattern.exec(line)
    if (found) return found[1]!
  }
  return null
}

/** The mount of a path in macOS's `mount` table: the longest mount point that holds it. */
export function macMountOf(mountTable: string, path: string): { device: string; mountPoint: string; type: string } | null {
  let best: { device: string; mountPoint: string; type: string } | null = null
  for (const line of mountTable.split(/\r?\n/)) {
    const m = /^(.+?) on (.+?) \(([^,)]+)/.exec(line)
    if (!m) continue
    const mountPoint = m[2]!
    const holds = mountPoint === '/' || path === mountPoint || path.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`)
    if (holds && (!best || mountPoint.length > best.mountPoint.length)) best = { device: m[1]!, mountPoint, type: m[3]!.trim() }
  }
  return best
}

/** The nearest part of a path that exists (the database may not, nor its folder yet). */
function nearestExisting(path: string, exists: (p: string) => boolean, dir: (p: string) => string): string {
  let p = path
  while (!exists(p)) {
    const up = dir(p)
    if (up === p) return p
    p = up
  }
  return p
}

function runCommand(command: string, args: string[]): Promise<string | null> {
  return new Promise((done) => {
    execFile(command, args, { timeout: 10_000, windowsHide: true, encoding: 'utf8' }, (error, stdout) => done(error ? null : stdout))
  })
}

const systemProbe: NetworkProbe = {
  platform: process.platform,
  statfsType: async (path) => (await statfs(path)).type,
  run: runCommand,
  realpath: (path) => {
    const dir = process.platform === 'win32' ? win32.dirname : dirname
    const existing = nearestExisting(path, existsSync, dir)
    try {
      const real = realpathSync.native(existing)
      return existing === path ? real : real + path.slice(existing.length)
    } catch {
      return path
    }
  },
  env: process.env
}

/** Drive letters already asked about: `net use` and PowerShell take a moment, and a mapping does not change under a running app. */
const lettersAsked = new Map<string, Promise<NetworkDrive | null>>()

async function mappedDrive(letter: string, probe: NetworkProbe): Promise<NetworkDrive | null> {
  const systemDrive = (probe.env.SystemDrive ?? 'C:').slice(0, 1).toUpperCase()
  if (letter === systemDrive) return null
  // Both asked at once, so a desk's own drive (which net use does not name) waits for one answer, not two in a row;
  // a letter net use names is answered without waiting for PowerShell's (which never fails: it says null).
  const netUse = probe.run('net', ['use'])
  // For a letter not in this user's `net use`, or when it could not run: .NET asks Windows what kind of drive it is.
  const driveType = probe.run('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', `[System.IO.DriveInfo]::new('${letter}').DriveType`])
  const table = await netUse
  const share = table ? mappedShare(table, letter) : null
  if (share) return { kind: 'mapped', where: `${letter}: is mapped to ${share}` }
  const type = await driveType
  return type?.trim().toLowerCase() === 'network' ? { kind: 'mapped', where: `${letter}: is a network drive` } : null
}

/** The network drive the path is on, or null when it is on this machine's own disks (or nothing can tell). */
export async function networkDriveOf(path: string, probe: NetworkProbe = systemProbe): Promise<NetworkDrive | null> {
  if (probe.platform === 'win32') {
    const given = win32.resolve(path)
    const givenShare = uncShare(given)
    if (givenShare) return { kind: 'unc', where: givenShare }
    const real = probe.realpath(given)
    const share = uncShare(real)
    if (share) return { kind: 'unc', where: share }
    const letter = /^([a-z]):/i.exec(real)?.[1]?.toUpperCase()
    if (!letter) return null
    const cached = probe === systemProbe ? lettersAsked.get(letter) : undefined
    if (cached) return cached
    const asked = mappedDrive(letter, probe)
    if (probe === systemProbe) lettersAsked.set(letter, asked)
    return asked
  }
  const real = probe.realpath(resolve(path))
  if (probe.platform === 'darwin') {
    const table = await probe.run('/sbin/mount', [])
    const mount = table ? macMountOf(table, real) : null
    return mount && MAC_NETWORK_TYPES.has(mount.type) ? { kind: 'mount', where: `${mount.type} ${mount.device} mounted on ${mount.mountPoint}` } : null
  }
  let type: number
  try {
    type = await probe.statfsType(nearestExisting(real, existsSync, dirname))
  } catch {
    return null
  }
  const name = NETWORK_FS_TYPES[type >>> 0]
  return name ? { kind: 'mount', where: `a network file system (${name})` } : null
}
