// EnumType and Enum values (value/enum_type.h): members, equality as
// PyTorch's EnumHolder (type and name), str(), and data.pkl's encoding
// (GLOBAL, value, REDUCE) through the pickler and unpickler.
#include <gtest/gtest.h>

#include "ember/serialization/pickler.h"
#include "ember/serialization/unpickler.h"
#include "ember/support/error.h"
#include "ember/value/containers.h"
#include "ember/value/enum_type.h"

namespace ember {
namespace {

TypePtr color() {
  return std::make_shared<EnumType>("__torch__.a.Color", types::intT(),
                                    std::vector<EnumType::Member>{{"RED", IValue(1)}, {"GREEN", IValue(2)}});
}

TEST(EnumType, MembersAndPrinting) {
  TypePtr t = color();
  const EnumType* e = asEnum(t);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->unqualifiedName(), "Color");
  EXPECT_EQ(e->members().size(), 2u);
  EXPECT_EQ(e->find("BLUE"), nullptr);
  EXPECT_EQ(t->str(), "__torch__.a.Color");
  EXPECT_TRUE(t->isSubtypeOf(*types::anyEnum()));
  EXPECT_FALSE(types::intT()->isSubtypeOf(*types::anyEnum()));
  IValue red = makeEnumValue(t, "RED");
  EXPECT_EQ(red.str(), "Enum<Color.RED>");
  EXPECT_EQ(makeList(t, {red, makeEnumValue(t, "GREEN")}).get()->size(), 2u);
  EXPECT_TRUE(red.type()->equals(*t));
}

TEST(EnumType, EqualityIsTypeAndNameIdentityIsTheObject) {
  TypePtr t = color();
  TypePtr other = std::make_shared<EnumType>("__torch__.a.Other", types::intT(),
                                             std::vector<EnumType::Member>{{"RED", IValue(1)}});
  IValue a = makeEnumValue(t, "RED"), b = makeEnumValue(t, "RED");
  EXPECT_TRUE(a.equals(b));
  EXPECT_FALSE(a.isSameIdentity(b));  // two constants: `is` is False in PyTorch too
  EXPECT_FALSE(a.equals(makeEnumValue(t, "GREEN")));
  EXPECT_FALSE(a.equals(makeEnumValue(other, "RED")));
  EXPECT_FALSE(a.equals(IValue(1)));
  EXPECT_THROW(a.hash(), Error);  // unhashable, as in TorchScript
}

TEST(EnumType, FromValue) {
  TypePtr t = color();
  EXPECT_EQ(enumFromValue(t, IValue(2)).toEnum().name, "GREEN");
  EXPECT_TRUE(enumFromValue(t, IValue(3)).isNone());
  EXPECT_TRUE(enumFromValue(t, IValue(2.0)).isNone());  // the value type must match
}

TEST(EnumType, PicklesAsGlobalValueReduceAndLoadsBack) {
  TypePtr t = color();
  ListPtr l = makeList(t, {makeEnumValue(t, "GREEN"), makeEnumValue(t, "RED")});
  serialization::PicklerOptions po;
  po.torchScript = true;
  std::vector<uint8_t> bytes = serialization::pickle(IValue(l), nullptr, po);
  std::string text(bytes.begin(), bytes.end());
  EXPECT_NE(text.find("c__torch__.a\nColor\n"), std::string::npos);
  EXPECT_NE(text.find("List[__torch__.a.Color]"), std::string::npos);

  serialization::UnpicklerOptions uo;
  std::vector<std::string> built;
  uo.objectBuilder = [&](const std::string& name, IValue arg, serialization::ObjectBuildKind kind) {
    built.push_back(name);
    EXPECT_EQ(kind, serialization::ObjectBuildKind::Call);
    return enumFromValue(t, arg);
  };
  uo.typeParser = [&](std::string_view text) {
    return serialization::parseTypeTag(text, [&](std::string_view n) { return n == t->name() ? t : nullptr; });
  };
  IValue back = serialization::unpickle(std::span<const uint8_t>(bytes), uo);
  ASSERT_TRUE(back.isList());
  EXPECT_TRUE(back.toList().elementType->equals(*t));
  ASSERT_EQ(back.toList().size(), 2u);
  EXPECT_EQ(back.toList().elements[0].toEnum().name, "GREEN");
  EXPECT_EQ(back.toList().elements[1].toEnum().name, "RED");
  EXPECT_EQ(built.size(), 2u);
}

TEST(EnumType, TorchSaveFilesRefuseEnums) {
  TypePtr t = color();
  EXPECT_THROW(serialization::pickle(makeEnumValue(t, "RED")), Error);
}

}  // namespace
}  // namespace ember
