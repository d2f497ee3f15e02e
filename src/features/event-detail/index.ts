export { EventScreen } from './EventScreen'
export { qrDataUrl } from './qr'
