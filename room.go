package plaid

import "strings"

// A document too short for slabs (see minSlabbed) would allocate each of
// its objects by itself, and a first block for each kind of value that a
// slab holds: some twenty allocations for a response of two sessions,
// which cost a sixth of decoding it on the machine we measure on. A root
// type whose documents are often short gives them instead room for the
// values of about roomSessions sessions, in the allocation that holds its
// decoder, and the slabs start there; what does not fit goes on into
// blocks of its own, as in a longer document. The values handed out keep
// the whole room alive, as those from a slab keep its block.

// roomSessions is how many sessions the room of a short document holds the
// values of. A response holds one or two in most cases.
const roomSessions = 2

// minRoom is the length of the shortest document given room: about half a
// session. A shorter one holds few values, for which the room would cost
// more than it saves.
const minRoom = sessionBytes / 2

// maxSchemas bounds the number of schemas, so that the room can hold the
// list of a decoder's slabs by schema id, and after them, in the purego
// build, the slabs of the enum types of the room (see enumRoom). define
// checks the number of schemas; were there no place left for the enum
// slabs, the list would grow into an allocation of its own, which
// TestUnmarshalJSON_allocs counts in the purego build.
const maxSchemas = 16

// A room is the part of a short document's room that every root type
// needs: the list of slabs, and the first blocks of strings, counts,
// dates, unknown members and text. The densities are those of a session
// as Plaid sends it: 15 strings, 2 counts, a date, up to 500 bytes of text,
// and some unknown members.
type room struct {
	objects [maxSchemas]any
	strings [roomSessions * 16]string
	ints    [roomSessions * 4]int
	dates   [roomSessions]Date
	raws    [roomSessions * 64]byte
	text    roomText
	more    strings.Builder // the text that does not fit
}

// give sizes d's blocks, as reserve does, and makes r the room that d's
// values start in.
func (r *room) give(d *decoder) {
	d.reserve()
	d.objects = r.objects[:len(schemas)]
	d.strings.block = r.strings[:0]
	d.ints.block = r.ints[:0]
	d.dates.block = r.dates[:0]
	d.raws = r.raws[:0]
	d.textRoom = r.text[:0]
	d.text = &r.more
}

// An objectRoom is the room for the first values of type T, objects or,
// in the purego build, enum values (see enumRoom), and the slab that
// hands them out.
type objectRoom[T any] struct {
	slab slab[T]
	room [roomSessions]T
}

// give makes o's slab the one that d allocates objects of s's type from,
// after room.give.
func (o *objectRoom[T]) give(d *decoder, s *schema[T]) { d.objects[s.id] = o.start(d) }

// start returns o's slab, handing out o's room first and then blocks
// sized for d's document.
func (o *objectRoom[T]) start(d *decoder) *slab[T] {
	o.slab = slab[T]{block: o.room[:0], next: d.firstBlock(sessionBytes)}
	return &o.slab
}
