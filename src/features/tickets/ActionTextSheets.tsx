import type { ActInput } from '@/domain/tickets/api'
import type { TicketAction } from '@/domain/tickets/state-machine'
import { TextSheet, type TextSheetProps } from './TextSheet'

/** One action whose form is a single text (and optional photos): how its sheet reads and what it sends. */
export interface TextSheetSpec extends Omit<TextSheetProps, 'open' | 'busy' | 'onClose' | 'onSubmit'> {
  /** The request the text (and photos) become. */
  input: (text: string, photos: string[]) => ActInput
}

interface Props {
  sheets: Partial<Record<TicketAction, TextSheetSpec>>
  open: TicketAction | null
  acting: TicketAction | null
  onClose: () => void
  act: (input: ActInput) => Promise<boolean>
}

/**
 * The text sheets of a ticket's actions. Each stays mounted (closed sheets render nothing), so a
 * draft survives closing and reopening its sheet; a recorded action closes and clears it.
 */
export function ActionTextSheets({ sheets, open, acting, onClose, act }: Props) {
  return (
    <>
      {(Object.entries(sheets) as [TicketAction, TextSheetSpec][]).map(([action, { input, children, ...spec }]) => (
        <TextSheet
          key={action}
          {...spec}
          open={open === action}
          busy={acting === action}
          onClose={onClose}
          onSubmit={async (text, photos) => {
            const ok = await act(input(text, photos))
            if (ok) onClose()
            return ok
          }}
        >
          {children}
        </TextSheet>
      ))}
    </>
  )
}
