export { PrivacyPopup } from './PrivacyPopup'
export { PrivacyGuide } from './PrivacyGuide'
export { installPrivacyHandler } from './privacy'
