/** H5-only dev persona: default persona, header identity and the floating switcher. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import * as persona from '@/features/dev-persona/persona'
import { PersonaSwitcher } from '@/features/dev-persona'

const PERSONAS = [
  { openid: 'o-staff-admin', name: '周敏', kind: 'staff', roles: ['admin'], label: '管理员 周敏' },
  { openid: 'o-res-1', name: '张伟', kind: 'resident', roles: [], label: '业主 张伟（1栋101）' },
  { openid: 'o-res-2', name: '王芳', kind: 'resident', roles: [], label: '租户 王芳（2栋301）' },
]

function load() {
  persona.forgetPersonas()
  return { ...persona, PersonaSwitcher }
}

const fetchMock = jest.fn()
const reload = jest.fn()
beforeEach(() => {
  window.localStorage.clear()
  fetchMock.mockReset()
  fetchMock.mockResolvedValue({ ok: true, json: async () => ({ ok: true, data: PERSONAS }) })
  ;(globalThis as any).fetch = fetchMock
  Object.defineProperty(window, 'location', { configurable: true, value: { ...window.location, reload } })
})

describe('dev persona', () => {
  it('defaults to the first resident and remembers it', async () => {
    const { currentOpenid, PERSONA_KEY } = load()
    await expect(currentOpenid()).resolves.toBe('o-res-1')
    expect(window.localStorage.getItem(PERSONA_KEY)).toBe('o-res-1')
    expect(fetchMock).toHaveBeenCalledWith('/api/dev/personas')
  })

  it('keeps a stored choice without asking the backend', async () => {
    window.localStorage.setItem('linli.persona', 'o-staff-admin')
    const { currentOpenid } = load()
    await expect(currentOpenid()).resolves.toBe('o-staff-admin')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('lists personas and switching stores the openid and reloads', async () => {
    const { PersonaSwitcher } = load()
    render(<PersonaSwitcher />)
    fireEvent.click(await screen.findByLabelText('切换演示身份，当前：业主 张伟（1栋101）'))
    expect(screen.getByText('管理员 周敏')).toBeTruthy()
    fireEvent.click(screen.getByText('管理员 周敏'))
    expect(window.localStorage.getItem('linli.persona')).toBe('o-staff-admin')
    expect(reload).toHaveBeenCalledTimes(1)
  })

  it('renders nothing when the backend offers no personas', async () => {
    fetchMock.mockResolvedValue({ ok: false, json: async () => ({}) })
    const { PersonaSwitcher } = load()
    const { container } = render(<PersonaSwitcher />)
    await waitFor(() => expect(fetchMock).toHaveBeenCalled())
    await new Promise((r) => setTimeout(r, 20))
    expect(container.textContent).toBe('')
  })
})
