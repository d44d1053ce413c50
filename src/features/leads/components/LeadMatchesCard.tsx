import Taro from '@tarojs/taro'
import { View, Text, Button } from '@tarojs/components'
import type { LeadFull } from '@/domain/lead-desk'
import { tapTarget } from '@/components/a11y'
import { PARK_DETAIL_PATH, withQuery } from '@/lib/routes'
import { useLeadMatches } from '../hooks/useLeadMatches'
import { matchFacts, matchMessage, needOfLead } from '../match'
import { parkLink } from '../parkLink'
import { copyLeadText } from '../phone'
import './LeadMatchesCard.scss'

/**
 * 推荐园区 on a lead: the best 3 parks for the lead's need (parks.match), why each fits, and
 * 复制推荐 — a plain-text message with names, key facts and links for the agent to send.
 */
export function LeadMatchesCard({ lead }: { lead: LeadFull }) {
  const { state, retry } = useLeadMatches(needOfLead(lead))

  const copy = async () => {
    if (state.kind !== 'ready') return
    const copied = await copyLeadText(matchMessage(state.items, parkLink))
    void Taro.showToast({
      title: copied ? '推荐已复制，可发给客户' : '复制未成功',
      icon: 'none',
      duration: 2000,
    })
  }

  return (
    <View className='lead-matches'>
      <Text className='lead-matches__title'>推荐园区</Text>
      {state.kind === 'loading' ? (
        <Text className='lead-matches__status'>正在匹配…</Text>
      ) : state.kind === 'error' ? (
        <View className='lead-matches__status'>
          <Text>暂时无法匹配园区</Text>
          <Text className='lead-matches__retry' {...tapTarget()} onClick={retry}>
            重试
          </Text>
        </View>
      ) : state.items.length === 0 ? (
        <Text className='lead-matches__status'>暂无符合这条需求的园区</Text>
      ) : (
        <View>
          {state.items.map((m) => (
            <View
              key={m.park.id}
              className='lead-matches__item'
              data-id={m.park.id}
              {...tapTarget()}
              onClick={() =>
                void Promise.resolve(
                  Taro.navigateTo({ url: withQuery(PARK_DETAIL_PATH, { id: m.park.id }) }),
                ).catch(() => undefined)
              }
            >
              <View className='lead-matches__head'>
                <Text className='lead-matches__name'>{m.park.name}</Text>
                <Text className='lead-matches__score'>{m.score}分</Text>
              </View>
              <Text className='lead-matches__facts'>{matchFacts(m.park)}</Text>
              {m.reasons.length ? (
                <View className='lead-matches__reasons'>
                  {m.reasons.map((r) => (
                    <Text key={r} className='lead-matches__reason'>
                      {r}
                    </Text>
                  ))}
                </View>
              ) : null}
            </View>
          ))}
          <Button className='lead-matches__copy' {...tapTarget()} onClick={() => void copy()}>
            复制推荐
          </Button>
        </View>
      )}
    </View>
  )
}
