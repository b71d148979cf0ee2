//go:build !purego

#include "textflag.h"

// The scanners below test sixteen bytes at a time with SSE2, which every
// amd64 processor has. A byte c is marked when (signed) 0x20 > c, which
// takes in the control characters and every byte that is not ASCII at
// once; or when it equals one of a few characters. Setting bit 2 maps '"'
// onto '&', and bit 1 maps '<' onto '>', as in scan.go. The last sixteen
// bytes are loaded again, overlapping bytes found unmarked, so that s must
// be at least sixteen bytes long and no byte past it is read; only
// copySafe takes shorter strings, and reads past them within a page.

// BROADCAST fills the register X with the byte b.
#define BROADCAST(b, X) \
	MOVQ $(b*0x0101010101010101), AX; \
	MOVQ AX, X; \
	PUNPCKLQDQ X, X

// SCAN16 tests the sixteen bytes at SI+DI with the test MARK, which
// leaves its marks in X5, and jumps to found with their bit mask in DX.
// STORE runs first, and may write the bytes somewhere.
#define SCAN16(MARK, STORE) \
	MOVOU (SI)(DI*1), X0; \
	STORE; \
	MARK; \
	PMOVMSKB X5, DX; \
	TESTL DX, DX; \
	JNZ found

// SCAN walks s with MARK and returns the index of the first marked byte,
// or len(s). SI is the start of s, BX its length, and ret the result.
#define SCAN(MARK, STORE, ret) \
	XORQ DI, DI; \
	LEAQ -16(BX), CX; \
loop: \
	CMPQ DI, CX; \
	JGE tail; \
	SCAN16(MARK, STORE); \
	ADDQ $16, DI; \
	JMP loop; \
tail: \
	MOVQ CX, DI; \
	SCAN16(MARK, STORE); \
	MOVQ BX, ret; \
	RET; \
found: \
	BSFL DX, DX; \
	ADDQ DX, DI; \
	MOVQ DI, ret; \
	RET

// NOSTORE is the STORE of a scan that only reads.
#define NOSTORE

// STORE_R8 is the STORE of a scan that copies s to R8.
#define STORE_R8 MOVOU X0, (R8)(DI*1)

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

// SIXTEEN puts the byte b sixteen times at off in escapedConstants.
#define SIXTEEN(off, b) \
	DATA escapedConstants<>+off(SB)/8, $(b*0x0101010101010101); \
	DATA escapedConstants<>+(off+8)(SB)/8, $(b*0x0101010101010101)

// escapedConstants holds, sixteen bytes each, the bytes that MARK_ESCAPED
// tests with. Six loads take fewer instructions than six broadcasts, on a
// call made for every string the encoder writes: with them, the encoder's
// own work (BenchmarkEncodeReused) took 1.6% less time on the large
// response on Go 1.26 and 3.0% on the small one on Go 1.27 (p <= 0.003),
// and 1-1.5% less, not significantly, in the other two.
SIXTEEN(0x00, 0x20)
SIXTEEN(0x10, 0x02)
SIXTEEN(0x20, 0x3e)
SIXTEEN(0x30, 0x04)
SIXTEEN(0x40, 0x26)
SIXTEEN(0x50, 0x5c)
GLOBL escapedConstants<>(SB), RODATA|NOPTR, $96

// ESCAPED_CONSTANTS loads the registers that MARK_ESCAPED tests with.
#define ESCAPED_CONSTANTS \
	MOVOU escapedConstants<>+0x00(SB), X1; \
	MOVOU escapedConstants<>+0x10(SB), X2; \
	MOVOU escapedConstants<>+0x20(SB), X3; \
	MOVOU escapedConstants<>+0x30(SB), X4; \
	MOVOU escapedConstants<>+0x40(SB), X8; \
	MOVOU escapedConstants<>+0x50(SB), X10

// func escapedIndexSSE2(s string) int
TEXT ·escapedIndexSSE2(SB), NOSPLIT, $0-24
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	ESCAPED_CONSTANTS
	SCAN(MARK_ESCAPED, NOSTORE, ret+16(FP))

// func copySafe(dst []byte, s string) int
TEXT ·copySafe(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), R8
	MOVQ s_base+24(FP), SI
	MOVQ s_len+32(FP), BX
	ESCAPED_CONSTANTS
	CMPQ BX, $16
	JB short
	SCAN(MARK_ESCAPED, STORE_R8, ret+40(FP))
short:
	// Fewer than sixteen bytes. An empty s may have no memory at all.
	TESTQ BX, BX
	JZ empty
	// Sixteen bytes are read from the start of s when they stay in its
	// page: the next page may not be mapped. The bytes past s are copied
	// too, and marks among them are hidden behind the one set at len(s).
	MOVQ SI, AX
	ANDQ $4095, AX
	CMPQ AX, $4080
	JA pageend
	MOVOU (SI), X0
	MOVOU X0, (R8)
	MARK_ESCAPED
	PMOVMSKB X5, DX
	BTSL BX, DX
	BSFL DX, DX
	MOVQ DX, ret+40(FP)
	RET
pageend:
	// Otherwise the sixteen bytes that end with s are read, which are in
	// its page, and s is copied a byte at a time.
	MOVOU -16(SI)(BX*1), X0
	MARK_ESCAPED
	PMOVMSKB X5, DX
	MOVQ $16, CX
	SUBQ BX, CX
	SHRL CX, DX
	BTSL BX, DX
	XORQ DI, DI
bytes:
	MOVB (SI)(DI*1), AX
	MOVB AX, (R8)(DI*1)
	INCQ DI
	CMPQ DI, BX
	JB bytes
	BSFL DX, DX
	MOVQ DX, ret+40(FP)
	RET
empty:
	MOVQ $0, ret+40(FP)
	RET

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
	SCAN(MARK_UNPLAIN, NOSTORE, ret+24(FP))
