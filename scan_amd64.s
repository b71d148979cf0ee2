//go:build !purego

#include "textflag.h"

// The scanners below test sixteen bytes at a time with SSE2, which every
// amd64 processor has. A byte c is marked when (signed) 0x20 > c, which
// takes in the control characters and every byte that is not ASCII at
// once; or when it equals one of a few characters. Setting bit 2 maps '"'
// onto '&', and bit 1 maps '<' onto '>', as in scan.go. The last sixteen
// bytes are loaded again, overlapping bytes found unmarked, so that s must
// be at least sixteen bytes long and no byte past it is read.

// BROADCAST fills the register X with the byte b.
#define BROADCAST(b, X) \
	MOVQ $(b*0x0101010101010101), AX; \
	MOVQ AX, X; \
	PUNPCKLQDQ X, X

// SCAN16 tests the sixteen bytes at SI+DI with the test MARK, which
// leaves its marks in X5, and jumps to found with their bit mask in DX.
#define SCAN16(MARK) \
	MOVOU (SI)(DI*1), X0; \
	MARK; \
	PMOVMSKB X5, DX; \
	TESTL DX, DX; \
	JNZ found

// SCAN walks s with MARK and returns the index of the first marked byte,
// or len(s). SI is the start of s, BX its length, and ret the result.
#define SCAN(MARK, ret) \
	XORQ DI, DI; \
	LEAQ -16(BX), CX; \
loop: \
	CMPQ DI, CX; \
	JGE tail; \
	SCAN16(MARK); \
	ADDQ $16, DI; \
	JMP loop; \
tail: \
	MOVQ CX, DI; \
	SCAN16(MARK); \
	MOVQ BX, ret; \
	RET; \
found: \
	BSFL DX, DX; \
	ADDQ DX, DI; \
	MOVQ DI, ret; \
	RET

// MARK_ESCAPED marks the bytes of X0 that the encoder escapes: control
// characters, bytes that are not ASCII, '"', '\\', '<', '>' and '&'.
#define MARK_ESCAPED \
	MOVO X1, X5; \
	PCMPGTB X0, X5; \
	MOVO X0, X6; \
	POR X2, X6; \
	PCMPEQB X3, X6; \
	MOVO X0, X7; \
	POR X4, X7; \
	PCMPEQB X8, X7; \
	MOVO X0, X9; \
	PCMPEQB X10, X9; \
	POR X6, X5; \
	POR X7, X5; \
	POR X9, X5

// func escapedIndexSSE2(s string) int
TEXT ·escapedIndexSSE2(SB), NOSPLIT, $0-24
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	BROADCAST(0x20, X1)
	BROADCAST(0x02, X2)
	BROADCAST(0x3e, X3)
	BROADCAST(0x04, X4)
	BROADCAST(0x26, X8)
	BROADCAST(0x5c, X10)
	SCAN(MARK_ESCAPED, ret+16(FP))

// MARK_UNPLAIN marks the bytes of X0 that the decoder does not take as
// they are: control characters, bytes that are not ASCII, '"' and '\\'.
#define MARK_UNPLAIN \
	MOVO X1, X5; \
	PCMPGTB X0, X5; \
	MOVO X0, X6; \
	PCMPEQB X3, X6; \
	MOVO X0, X9; \
	PCMPEQB X10, X9; \
	POR X6, X5; \
	POR X9, X5

// func unplainIndexSSE2(b []byte) int
TEXT ·unplainIndexSSE2(SB), NOSPLIT, $0-32
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), BX
	BROADCAST(0x20, X1)
	BROADCAST(0x22, X3)
	BROADCAST(0x5c, X10)
	SCAN(MARK_UNPLAIN, ret+24(FP))
