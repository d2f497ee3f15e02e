export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/service/index',
    'pages/events/index',
    'pages/mine/index',
    'pages/bind/index',
    'pages/household/index',
    'pages/invite/index',
    'pages/privacy/index',
    'pages/about/index',
    'pages/report/index',
    'pages/ticket/index',
    'pages/subscriptions/index',
    'pages/notices/index',
    'pages/notice/index',
  ],
  subPackages: [
    {
      root: 'staff',
      pages: ['workbench/index', 'bindings/index', 'members/index', 'tickets/index', 'ticket/index', 'log/index', 'routing/index', 'callbacks/index', 'notices/index', 'notice-edit/index', 'notice/index', 'notice-poster/index', 'sla/index', 'callback-settings/index'],
    },
    // 消息: residents' and staff's inbox (its page and feature code stay out of the main package).
    { root: 'inbox', pages: ['index'] },
  ],
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
