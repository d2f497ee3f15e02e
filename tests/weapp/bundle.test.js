/** Properties of the compiled weapp bundle itself. */
const fs = require('node:fs')
const path = require('node:path')
const { DIST, assertBuilt } = require('./harness')

function files(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
}

beforeAll(assertBuilt)

describe('dist/weapp', () => {
  it('contains no trace of the H5 dev persona switcher', () => {
    const offenders = files(DIST).filter((f) => /dev-persona|\/api\/dev\/personas|linli\.persona|PersonaSwitcher|\/api\/functions/.test(fs.readFileSync(f, 'latin1')))
    expect(offenders).toEqual([])
  })

  it('declares the tab bar in the main package and the staff pages only in the staff subpackage', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    expect(app.tabBar.list.map((t) => [t.pagePath, t.text])).toEqual([
      ['pages/home/index', '首页'],
      ['pages/service/index', '服务'],
      ['pages/events/index', '活动'],
      ['pages/mine/index', '我的'],
    ])
    expect(app.pages).toEqual(app.tabBar.list.map((t) => t.pagePath))
    expect(app.subPackages[0].root).toBe('staff')
    expect(app.subPackages.map((p) => p.root)).toContain('inbox')
    expect(app.subPackages.find((p) => p.root === 'inbox').pages).toEqual(['index'])
    expect(app.subPackages[0].pages).toEqual(
      expect.arrayContaining(['workbench/index', 'bindings/index', 'members/index', 'tickets/index', 'ticket/index', 'log/index', 'routing/index']),
    )
    expect(app.lazyCodeLoading).toBe('requiredComponents')
    expect(app.__usePrivacyCheck__).toBe(true)
    for (const t of app.tabBar.list) {
      for (const icon of [t.iconPath, t.selectedIconPath]) expect(fs.statSync(path.join(DIST, icon)).size).toBeLessThan(3 * 1024)
    }
  })

  it('keeps only the tab pages in the main package: every other resident page is a subpackage at its unchanged path, preloaded from the tab pages', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    const resident = [
      'report',
      'ticket',
      'notices',
      'notice',
      'bind',
      'household',
      'invite',
      'subscriptions',
      'privacy',
      'about',
      'event',
      'movein',
      'movein-receipt',
      'facilities',
    ]
    // Opened from the move-in page, never from a tab: not preloaded.
    const notFromTabs = ['movein-receipt']
    for (const name of resident) {
      expect(app.subPackages).toContainEqual(expect.objectContaining({ root: `pages/${name}`, pages: ['index'] }))
      expect(fs.existsSync(path.join(DIST, `pages/${name}/index.js`))).toBe(true)
    }
    const roots = app.subPackages.map((s) => s.root)
    const preloaded = Object.values(app.preloadRule).flatMap((r) => r.packages)
    expect(preloaded.filter((p) => !roots.includes(p))).toEqual([])
    expect([...new Set(preloaded)].sort()).toEqual(
      resident
        .filter((n) => !notFromTabs.includes(n))
        .map((n) => `pages/${n}`)
        .sort(),
    )
    for (const page of Object.keys(app.preloadRule)) expect(app.pages).toContain(page)
  })

  it('keeps the main package within its budget (450 KB, issue #18)', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    const roots = app.subPackages.map((s) => s.root + '/')
    const main = files(DIST).filter(
      (f) => !roots.some((r) => path.relative(DIST, f).split(path.sep).join('/').startsWith(r)) && !/project\.config\.json$|\.LICENSE\.txt$|\.map$/.test(f),
    )
    expect(main.reduce((n, f) => n + fs.statSync(f).size, 0)).toBeLessThanOrEqual(450 * 1024)
  })

  it('keeps staff feature code out of the main package', () => {
    const main = files(DIST).filter((f) => !path.relative(DIST, f).startsWith('staff' + path.sep) && f.endsWith('.js'))
    // Class names only the staff features render.
    const offenders = main.filter((f) =>
      /binding-review|staff-card|wb-tile|invite-code__value|staff-queue|staff-ticket|staff-log|routing-rule|assign__row|listQueue|createOnBehalf|setRouting/.test(
        fs.readFileSync(f, 'utf8'),
      ),
    )
    expect(offenders).toEqual([])
  })

  it('keeps zod (the contract’s validators) out of the mini-program, and the main package under 1 MB', () => {
    const js = files(DIST).filter((f) => f.endsWith('.js'))
    expect(js.filter((f) => /ZodError|zod\.dev|invalid_type_error/.test(fs.readFileSync(f, 'utf8')))).toEqual([])
    const main = files(DIST).filter((f) => !path.relative(DIST, f).startsWith('staff' + path.sep) && !/project\.config\.json$|\.LICENSE\.txt$/.test(f))
    const size = main.reduce((n, f) => n + fs.statSync(f).size, 0)
    expect(size).toBeLessThan(1024 * 1024)
  })

  it('puts 回访 in the staff subpackage and 消息订阅 in a resident subpackage', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    expect(app.subPackages).toContainEqual({ root: 'pages/subscriptions', pages: ['index'] })
    expect(app.subPackages[0].pages).toContain('callbacks/index')
    const main = files(DIST).filter((f) => !path.relative(DIST, f).startsWith('staff' + path.sep) && /\.(js|wxml|wxss)$/.test(f))
    expect(main.filter((f) => /callback-card|record-sheet|记录回访/.test(fs.readFileSync(f, 'utf8')))).toEqual([])
  })

  it('puts the resident notice pages in resident subpackages and the notice tools (editor, reach, poster, QR) only in the staff subpackage', () => {
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    expect(app.subPackages).toEqual(
      expect.arrayContaining([
        { root: 'pages/notices', pages: ['index'] },
        { root: 'pages/notice', pages: ['index'] },
      ]),
    )
    expect(app.subPackages[0].pages).toEqual(expect.arrayContaining(['notices/index', 'notice-edit/index', 'notice/index', 'notice-poster/index']))
    // (The event page, a resident subpackage, draws the check-in code with the same QR library.)
    const main = files(DIST).filter((f) => !/^(staff|pages\/event)\//.test(path.relative(DIST, f).split(path.sep).join('/')) && /\.(js|wxml|wxss)$/.test(f))
    // Class names only the staff notice tools render, and a string of the QR library.
    expect(main.filter((f) => /poster__band|reach__stat|ne-bar|sn-row|counted__n|bad maskPattern/.test(fs.readFileSync(f, 'utf8')))).toEqual([])
  })

  it('keeps the 消息 inbox page and its feature code in the inbox subpackage (only the badge in the main package)', () => {
    const main = files(DIST).filter((f) => !/^(staff|inbox)\//.test(path.relative(DIST, f).split(path.sep).join('/')) && /\.(js|wxml|wxss)$/.test(f))
    expect(main.filter((f) => /msg__dot|inbox__read-all|返回消息列表/.test(fs.readFileSync(f, 'utf8')))).toEqual([])
    expect(files(path.join(DIST, 'inbox')).some((f) => /inbox__read-all/.test(fs.readFileSync(f, 'utf8')))).toBe(true)
  })

  it('is a minified production build', () => {
    const app = fs.readFileSync(path.join(DIST, 'app.js'), 'utf8')
    expect(app.split('\n').length).toBeLessThan(10)
  })
})
