export { HouseholdScreen } from './HouseholdScreen'
