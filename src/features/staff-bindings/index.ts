export { BindingReview } from './BindingReview'
