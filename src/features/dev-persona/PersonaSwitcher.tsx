import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { choosePersona, currentOpenid, fetchPersonas, type Persona } from './persona'
import './PersonaSwitcher.scss'

/** Floating control to switch the demo identity in the local H5 build. Renders nothing without personas. */
export function PersonaSwitcher() {
  const [list, setList] = useState<Persona[]>([])
  const [current, setCurrent] = useState<string>()
  const [open, setOpen] = useState(false)

  useEffect(() => {
    let live = true
    void Promise.all([fetchPersonas(), currentOpenid()]).then(([all, openid]) => {
      if (!live) return
      setList(all)
      setCurrent(openid)
    })
    return () => {
      live = false
    }
  }, [])

  if (list.length === 0) return null
  const active = list.find((p) => p.openid === current)

  return (
    <View className='persona'>
      {open && (
        <View className='persona__panel' role='listbox' aria-label='演示身份'>
          <Text className='persona__title'>切换演示身份（仅本地 H5）</Text>
          {list.map((p) => (
            <View
              key={p.openid}
              role='option'
              aria-selected={p.openid === current ? 'true' : 'false'}
              className={`persona__item ${p.openid === current ? 'persona__item--active' : ''}`}
              onClick={() => (p.openid === current ? setOpen(false) : choosePersona(p.openid))}
            >
              <Text className='persona__name'>{p.name}</Text>
              <Text className='persona__label'>{p.label}</Text>
            </View>
          ))}
        </View>
      )}
      <View className='persona__toggle' role='button' aria-label={`切换演示身份，当前：${active?.label ?? '未选择'}`} onClick={() => setOpen(!open)}>
        <Text>{active ? active.name.slice(0, 2) : '身份'}</Text>
      </View>
    </View>
  )
}
