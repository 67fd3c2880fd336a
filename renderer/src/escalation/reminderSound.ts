// The reminder's sound: two short falling tones made on the spot with WebAudio (no sound files,
// nothing fetched). Quiet enough not to startle, distinct from a phone ring.
let audio: AudioContext | null = null

const TONES = [
  { hz: 880, at: 0 },
  { hz: 660, at: 0.28 },
]
const TONE_SECONDS = 0.22
const VOLUME = 0.2

export function playReminderSound(): void {
  try {
    audio ??= new AudioContext()
    // A context made before any click starts suspended; by the time an escalation is waiting the
    // worker has used the page, so it may be resumed.
    if (audio.state === 'suspended') void audio.resume()
    const start = audio.currentTime + 0.02
    for (const { hz, at } of TONES) {
      const tone = audio.createOscillator()
      const level = audio.createGain()
      tone.type = 'sine'
      tone.frequency.value = hz
      // A short rise and fall, so the tone does not click.
      level.gain.setValueAtTime(0, start + at)
      level.gain.linearRampToValueAtTime(VOLUME, start + at + 0.02)
      level.gain.linearRampToValueAtTime(0, start + at + TONE_SECONDS)
      tone.connect(level).connect(audio.destination)
      tone.start(start + at)
      tone.stop(start + at + TONE_SECONDS + 0.02)
    }
  } catch {
    // No audio device: the reminder on screen is still there.
  }
}
