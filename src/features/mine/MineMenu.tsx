import Taro from '@tarojs/taro'
import type { MeView } from '@/domain/identity'
import { Section } from '@/components/Section'
import { ListItem } from '@/components/ListItem'
import { approvedHomes, isActiveStaff, ownedHomes } from '@/features/account'
import { useUnread } from '@/features/inbox-badge'
import { Text } from '@tarojs/components'

const go = (url: string) => () => Taro.navigateTo({ url })

export function MineMenu({ me }: { me: MeView }) {
  const staff = isActiveStaff(me)
  const unread = useUnread(false)
  return (
    <>
      {staff && (
        <Section flush>
          <ListItem className='mine-menu__workbench' title='员工工作台' description={me.staff!.communityName} onClick={go('/staff/workbench/index')} />
        </Section>
      )}
      {(staff || approvedHomes(me).length > 0) && (
        <Section flush>
          <ListItem
            className='mine-menu__inbox'
            title='消息'
            description='工单进度、社区公告与提醒'
            extra={unread.total > 0 ? <Text className='mine-menu__unread'>{unread.total > 99 ? '99+' : unread.total} 条未读</Text> : undefined}
            onClick={go('/inbox/index')}
          />
        </Section>
      )}
      <Section flush>
        {ownedHomes(me).length > 0 && <ListItem title='家庭成员' onClick={go('/pages/household/index')} />}
        {approvedHomes(me).length > 0 && (
          <ListItem className='mine-menu__facilities' title='设施维护' description='电梯维保、水箱清洗与水质' onClick={go('/pages/facilities/index')} />
        )}
        <ListItem title='消息订阅' description='工单进度、维修完成、社区公告' onClick={go('/pages/subscriptions/index')} />
        <ListItem title='员工邀请码' description='物业员工凭邀请码加入' onClick={go('/pages/invite/index')} />
        {!staff && <ListItem title='管理员初始化' description='公司管理员凭初始化码开通' onClick={go('/staff/setup/index')} />}
        <ListItem title='隐私保护指引' onClick={go('/pages/privacy/index')} />
        <ListItem title='关于' onClick={go('/pages/about/index')} />
      </Section>
    </>
  )
}
