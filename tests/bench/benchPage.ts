// What the page benchmarks share: signing in and percentiles.
import type { Page } from 'playwright-core'

export async function signInForBench(page: Page): Promise<void> {
  await page.getByLabel('Your name').fill('Bench Worker')
  await page.getByLabel('Organisation').fill('Bench Service')
  await page.getByLabel(/^PIN\W*$/).fill('2468')
  await page.getByLabel('PIN again').fill('2468')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('listbox', { name: 'Incident queue' }).waitFor()
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}
