/**
 * Local H5 only: who the browser pretends to be. The local CloudBase gateway trusts the
 * `x-wx-openid` header the way CloudBase trusts WeChat's signature.
 */
export interface Persona {
  openid: string
  name: string
  kind: 'resident' | 'staff'
  roles: string[]
  label: string
}

export const PERSONA_KEY = 'linli.persona'
const PERSONAS_URL = '/api/dev/personas'

let personas: Promise<Persona[]> | null = null

/** The personas the local backend offers; empty when it offers none (e.g. a real deployment). */
export function fetchPersonas(): Promise<Persona[]> {
  if (!personas) {
    personas = fetch(PERSONAS_URL)
      .then((res) => (res.ok ? res.json() : null))
      .then((body) => (body && body.ok && Array.isArray(body.data) ? (body.data as Persona[]) : []))
      .catch(() => [])
  }
  return personas
}

/** Drops the cached list (tests; after the local backend is reset). */
export function forgetPersonas(): void {
  personas = null
}

function stored(): string | undefined {
  try {
    return window.localStorage.getItem(PERSONA_KEY) || undefined
  } catch {
    return undefined
  }
}

/** The chosen persona's openid; defaults to (and remembers) the first resident. */
export async function currentOpenid(): Promise<string | undefined> {
  const chosen = stored()
  if (chosen) return chosen
  const list = await fetchPersonas()
  const first = list.find((p) => p.kind === 'resident') ?? list[0]
  if (!first) return undefined
  try {
    window.localStorage.setItem(PERSONA_KEY, first.openid)
  } catch {
    // Private mode: fall through with the default for this page load.
  }
  return first.openid
}

export function choosePersona(openid: string): void {
  window.localStorage.setItem(PERSONA_KEY, openid)
  window.location.reload()
}
