export { SetupCode } from './SetupCode'
export { Communities } from './Communities'
export { UnitGenerator } from './UnitGenerator'
export { ImportWizard } from './ImportWizard'
