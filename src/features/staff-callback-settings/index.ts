export { CallbackSettingsEditor } from './CallbackSettingsEditor'
