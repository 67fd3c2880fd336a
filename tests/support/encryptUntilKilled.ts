// Run as a child process: encrypts a plain database in place and kills itself with SIGKILL right
// after the named step, as a power cut or a killed app would stop it.
// Usage: node encryptUntilKilled.ts FILE KEY_HEX STEP
import { encryptInPlace } from '../../electron/core/db/encryption.ts'

const [file, keyHex, stopAfter] = process.argv.slice(2)
encryptInPlace(file!, Buffer.from(keyHex!, 'hex'), (step) => {
  if (step === stopAfter) process.kill(process.pid, 'SIGKILL')
})
