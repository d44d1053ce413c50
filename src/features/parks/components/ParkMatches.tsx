import { View, Text } from '@tarojs/components'
import { CardSkeleton } from '@/components/Skeleton'
import { SectionHeader } from '@/components/SectionHeader'
import type { MatchNeed } from '@/domain/match-need'
import { useParkMatches } from '../hooks/useParkMatches'
import { ParkCard } from './ParkCard'
import './ParkMatches.scss'

interface Props {
  need: MatchNeed | null
  onOpen: (id: string) => void
}

/**
 * 这些园区可能适合您: up to 3 parks scored against the visitor's need, each with the facts that
 * matched. A skeleton while asked; nothing at all on an error or when nothing matches.
 */
export function ParkMatches({ need, onOpen }: Props) {
  const state = useParkMatches(need)
  if (state.kind === 'none') return null
  return (
    <View className='park-matches' aria-label='这些园区可能适合您'>
      <SectionHeader title='这些园区可能适合您' />
      {state.kind === 'loading' ? (
        <CardSkeleton rows={3} />
      ) : (
        state.items.map((m) => (
          <View key={m.park.id} className='park-matches__item' data-id={m.park.id}>
            <ParkCard park={m.park} onOpen={onOpen} />
            {m.reasons.length ? (
              <View className='park-matches__reasons'>
                {m.reasons.map((r) => (
                  <Text key={r} className='park-matches__reason'>
                    {r}
                  </Text>
                ))}
              </View>
            ) : null}
          </View>
        ))
      )}
    </View>
  )
}
