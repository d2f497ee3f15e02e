export { RedeemInvite } from './RedeemInvite'
