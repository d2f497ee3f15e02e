/** Resident pages outside the tab bar: one subpackage each, at `pages/<name>/index`. */
const RESIDENT_SUBPACKAGES = [
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
  'movein',
  'movein-receipt',
  'event',
  'facilities',
]

export default defineAppConfig({
  // Main package: the tab pages only (and what 首页 needs on first paint). Every other resident page
  // is its own subpackage rooted at its existing folder, so its path, and with it every link
  // already out there (shared notices, printed posters, subscribe messages, the privacy popup),
  // stays the same. Modules used by one subpackage only are moved into it at build time
  // (mini.optimizeMainPackage); the preloadRule below downloads the next tap's subpackages while a
  // tab page is shown. Budget: main package ≤ 450 KB (npm run bench:size, issue #18).
  pages: ['pages/home/index', 'pages/service/index', 'pages/events/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'staff',
      pages: [
        'workbench/index',
        'bindings/index',
        'members/index',
        'tickets/index',
        'ticket/index',
        'log/index',
        'routing/index',
        'callbacks/index',
        'notices/index',
        'notice-edit/index',
        'notice/index',
        'notice-poster/index',
        'sla/index',
        'callback-settings/index',
        'movein/index',
        'movein-booking/index',
        // Community events (issue 14).
        'events/index',
        'event-edit/index',
        'event/index',
        // 巡检维保 (issue #15)
        'facilities/index',
        'asset/index',
        'round/index',
        'facility-record/index',
        'facility-analysis/index',
        'facility-labels/index',
        // 沟通记录分析 (register): the register, the analysis and the printable monthly report.
        'register/index',
        'analysis/index',
        'report/index',
        // Onboarding (issue #17): setup code, communities, units, Excel import.
        'setup/index',
        'communities/index',
        'units/index',
        'import/index',
        // 发现问题上报 (issue #17): engineers and security file what they find on patrol.
        'found/index',
      ],
    },
    ...RESIDENT_SUBPACKAGES.map((name) => ({ root: `pages/${name}`, pages: ['index'] })),
    // 消息: residents' and staff's inbox (its page and feature code stay out of the main package).
    { root: 'inbox', pages: ['index'] },
  ],
  preloadRule: {
    // 首页: quick actions (报修/投诉/咨询), its notices (more → list, a notice), the bind card.
    'pages/home/index': { network: 'all', packages: ['pages/report', 'pages/notices', 'pages/notice', 'pages/bind', 'pages/movein'] },
    // 服务: a new request, or one of mine.
    'pages/service/index': { network: 'all', packages: ['pages/report', 'pages/ticket'] },
    // 活动: an event's page.
    'pages/events/index': { network: 'all', packages: ['pages/event'] },
    // 我的: its menu.
    'pages/mine/index': { network: 'all', packages: ['pages/household', 'pages/subscriptions', 'pages/invite', 'pages/privacy', 'pages/about', 'pages/bind', 'pages/facilities'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '邻里物业',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8a8f99',
    selectedColor: '#1a9e75',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/service/index', text: '服务', iconPath: 'assets/tab/service.png', selectedIconPath: 'assets/tab/service-active.png' },
      { pagePath: 'pages/events/index', text: '活动', iconPath: 'assets/tab/events.png', selectedIconPath: 'assets/tab/events-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  __usePrivacyCheck__: true,
})
