import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import './LoadMore.scss'

/** What LoadMore needs of a paged list (`usePagedList`'s answer has it). */
export interface LoadMoreList {
  hasMore: boolean
  loadingMore: boolean
  total: number
  loadMore: () => Promise<void> | void
}

/**
 * The footer of a paged list: 加载更多 while there is more, then 共 N 条. In its own container,
 * so its swap from one to the other is sent as just that (setData budget, issue #18).
 */
export function LoadMore({ list }: { list: LoadMoreList }) {
  return (
    <View className='load-more'>
      {list.hasMore ? (
        <Button block fill='none' className='load-more__btn' loading={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      ) : (
        <Text className='load-more__end'>共 {list.total} 条</Text>
      )}
    </View>
  )
}
