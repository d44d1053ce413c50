import type { ParkSummary } from '@/domain/park'
import { createLocalList } from '@/lib/localStore'

export interface FavouritePark {
  park: ParkSummary
  savedAt: string
}

/** Favourite parks live on the device only (no account needed); newest first, 100 at most. */
export const favouritesStore = createLocalList<FavouritePark>('favourites.parks.v1', 100)

export function isFavourite(id: string): boolean {
  return favouritesStore.get().some((f) => f.park.id === id)
}

/** Adds or removes; returns true when the park is now a favourite. */
export function toggleFavourite(park: ParkSummary, now = new Date()): boolean {
  const current = favouritesStore.get()
  if (current.some((f) => f.park.id === park.id)) {
    favouritesStore.set(current.filter((f) => f.park.id !== park.id))
    return false
  }
  favouritesStore.set([{ park, savedAt: now.toISOString() }, ...current])
  return true
}

export function useFavourites() {
  const items = favouritesStore.useItems()
  return {
    items,
    isFavourite: (id: string) => items.some((f) => f.park.id === id),
    toggle: toggleFavourite,
  }
}
