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
        'pages/eligibility/index',
      ],
    },
    {
      root: 'subpackages/orders',
      pages: ['pages/services/index', 'pages/form/index', 'pages/detail/index', 'pages/complaint/index', 'pages/complaints/index'],
    },
    {
      root: 'subpackages/staff',
      pages: ['pages/workbench/index', 'pages/job/index'],
    },
    {
      root: 'subpackages/operator',
      pages: ['pages/dispatch/index', 'pages/providers/index'],
    },
    {
      root: 'subpackages/meals',
      pages: [
        'pages/canteens/index',
        'pages/menu/index',
        'pages/checkout/index',
        'pages/booking/index',
        'pages/bookings/index',
        'pages/canteen-day/index',
        'pages/figures/index',
      ],
    },
    {
      root: 'subpackages/childcare',
      pages: ['pages/centres/index', 'pages/class/index', 'pages/result/index', 'pages/mine/index', 'pages/pickup/index', 'pages/centre/index'],
    },
    {
      root: 'subpackages/elder',
      pages: ['pages/home/index', 'pages/today/index', 'pages/family/index', 'pages/meal/index', 'pages/sos/index', 'pages/bind/index', 'pages/settings/index', 'pages/setup/index'],
    },
    {
      root: 'subpackages/timebank',
      pages: ['pages/index/index'],
    },
    {
      root: 'subpackages/provider',
      pages: ['pages/statements/index', 'pages/statement/index'],
    },
    {
      root: 'subpackages/account',
      pages: ['pages/privacy/index', 'pages/delete/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f4f6f5',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: 'CareCircle 一老一小',
    navigationBarTextStyle: 'black',
    // The H5 build draws the same title bar (with 返回 and 首页) as WeChat does; without it an H5 sub-page has no way back.
    navigationStyle: 'default',
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
  // wx.chooseLocation / wx.getLocation are privacy APIs: they must be declared, and the user agrees to the
  // privacy guide first. getLocation is used by on-duty staff (dispatch and check-in) and by an elder's 一键呼叫.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: {
    'scope.userLocation': {
      desc: '服务人员上班时用于派单匹配和上门签到；老人一键呼叫时告诉赶来的人您在哪里',
    },
  },
  lazyCodeLoading: 'requiredComponents',
})
