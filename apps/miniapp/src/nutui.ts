// Styles of the NutUI components the app uses, per component (each css.js pulls in what it builds on),
// rather than the whole 230 KB sheet.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
