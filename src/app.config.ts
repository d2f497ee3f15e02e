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
  ],
  subPackages: [
    {
      root: 'staff',
      pages: ['workbench/index', 'bindings/index', 'members/index'],
    },
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
