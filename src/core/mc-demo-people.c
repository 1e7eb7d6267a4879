/* mc-demo-people.c — invented citizens for the demonstration database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Family names follow their real frequency in Vietnam (Nguyễn about 38 %),
 * so lists, searches and masking look like those of a real center. The
 * CCCD numbers follow Thông tư 59/2021/TT-BCA: province code 038 (Thanh Hóa),
 * a digit for sex and century, the last two digits of the birth year.
 */
#include "config.h"

#include "mc-demo-people.h"

static const struct { const char *name; int weight; } families[] = {
  { "Nguyễn", 38 }, { "Trần", 11 }, { "Lê", 10 }, { "Phạm", 7 }, { "Hoàng", 5 }, { "Huỳnh", 2 },
  { "Phan", 4 }, { "Vũ", 4 }, { "Võ", 2 }, { "Đặng", 2 }, { "Bùi", 2 }, { "Đỗ", 2 }, { "Hồ", 1 },
  { "Ngô", 1 }, { "Dương", 1 }, { "Lý", 1 }, { "Mai", 1 }, { "Trịnh", 2 }, { "Đinh", 1 }, { "Lại", 1 },
};
static const char *const male_middle[] = { "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Đình", "Ngọc" };
static const char *const female_middle[] = { "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Phương", "Mai" };
static const char *const male_given[] = { "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hoàng",
                                          "Hùng", "Huy", "Khánh", "Long", "Mạnh", "Nam", "Phong", "Quân", "Sơn",
                                          "Thắng", "Thành", "Trung", "Tuấn", "Tùng", "Việt", "Vinh" };
static const char *const female_given[] = { "Anh", "Chi", "Dung", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương",
                                            "Lan", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung", "Oanh",
                                            "Phương", "Quỳnh", "Thảo", "Thu", "Trang", "Tuyết", "Vân", "Yến" };
static const char *const streets[] = { "Trần Hưng Đạo", "Lê Lợi", "Nguyễn Huệ", "Bà Triệu", "Phan Bội Châu",
                                       "Quang Trung", "Lý Thường Kiệt", "Hai Bà Trưng", "Nguyễn Du", "Trần Phú" };
static const char *const quarters[] = { "khu phố 1", "khu phố 2", "khu phố 3", "khu phố 4", "khu phố 5",
                                        "khu phố 6", "khu phố 7", "khu phố 8" };
static const char *const prefixes[] = { "090", "091", "093", "094", "096", "097", "098", "086", "088", "035", "038", "039" };

static const char *
pick (GRand *rand, const char *const *items, int n)
{
  return items[g_rand_int_range (rand, 0, n)];
}

static const char *
pick_family (GRand *rand)
{
  int total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    total += families[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if ((r -= families[i].weight) < 0)
      return families[i].name;
  return families[0].name;
}

void
mc_demo_person_make (GRand *rand, int current_year, McDemoPerson *p)
{
  gboolean female = g_rand_boolean (rand);
  int year = current_year - g_rand_int_range (rand, 18, 80);
  int month = g_rand_int_range (rand, 1, 13), day = g_rand_int_range (rand, 1, 29);
  /* Sex and century digit: 0/1 for 1900–1999, 2/3 for 2000–2099. */
  int century = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);

  p->name = g_strdup_printf ("%s %s %s", pick_family (rand),
                             female ? pick (rand, female_middle, G_N_ELEMENTS (female_middle))
                                    : pick (rand, male_middle, G_N_ELEMENTS (male_middle)),
                             female ? pick (rand, female_given, G_N_ELEMENTS (female_given))
                                    : pick (rand, male_given, G_N_ELEMENTS (male_given)));
  p->id_number = g_strdup_printf ("038%d%02d%06d", century, year % 100, g_rand_int_range (rand, 0, 1000000));
  p->birth_date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  p->phone = g_strdup_printf ("%s%07d", pick (rand, prefixes, G_N_ELEMENTS (prefixes)),
                              g_rand_int_range (rand, 0, 10000000));
  p->address = g_strdup_printf ("Số %d đường %s, %s, phường Phú Sơn, tỉnh Thanh Hóa",
                                g_rand_int_range (rand, 1, 300), pick (rand, streets, G_N_ELEMENTS (streets)),
                                pick (rand, quarters, G_N_ELEMENTS (quarters)));
}

void
mc_demo_person_clear (McDemoPerson *p)
{
  g_free (p->name);
  g_free (p->id_number);
  g_free (p->birth_date);
  g_free (p->phone);
  g_free (p->address);
}
