export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/orders/index',
    'pages/mine/index',
    'pages/login/index',
    'pages/privacy/index',
  ],
  subPackages: [
    {
      root: 'subpackages/household',
      pages: [
        'pages/detail/index',
        'pages/elder-form/index',
        'pages/elder-detail/index',
        'pages/child-form/index',
        'pages/invite/index',
        'pages/join/index',
      ],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f5',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'CareCircle 一老一小',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#5c5c5c',
    selectedColor: '#0f6e5a',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home-normal.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/orders/index',
        text: '订单',
        iconPath: 'assets/tab/orders-normal.png',
        selectedIconPath: 'assets/tab/orders-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine-normal.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  // wx.chooseLocation is a privacy API: it must be declared, and the user agrees to the privacy guide first.
  requiredPrivateInfos: ['chooseLocation'],
  lazyCodeLoading: 'requiredComponents',
})
