import { View, Video } from '@tarojs/components'
import './Tickets.scss'

/** The short video a resident attached, played inline with the platform's controls. */
export function TicketVideo({ url }: { url?: string }) {
  if (!url) return null
  return (
    <View className='ticket-video'>
      <Video className='ticket-video__player' src={url} controls showCenterPlayBtn showFullscreenBtn objectFit='contain' title='住户上传的视频' />
    </View>
  )
}
