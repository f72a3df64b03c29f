// The packaged app's Electron fuses, read from electron-builder.yml the way electron-builder reads
// it and checked against its own schema, so a misspelt key fails here rather than being ignored.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'

describe('electron-builder.yml', () => {
  it('flips every fuse that hardens the packaged app', async () => {
    const config = await getConfig(resolve(__dirname, '../../..'), null, null)
    await validateConfiguration(config, { isEnabled: false, add: () => undefined } as never)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
    // The asar is what the integrity fuse checks, and the only place the app may load from.
    expect(config.asar).toBe(true)
  })
})
