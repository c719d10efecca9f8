import type { Lang } from '../types.ts';

// Test posts written in each language's own idiom, after the recruitment posts that police and
// NGO warnings quote (see data/indicators/sources.json). `expect` maps an indicator id to the text
// its first span must cover.

export type ScamFixture = { lang: Lang; text: string; expect: Record<string, string> };

export const SCAM_POSTS: ScamFixture[] = [
  {
    lang: 'vi',
    text: 'Tuyển CTV đánh máy tại Campuchia, việc nhẹ lương cao 1500$/tháng, bao vé máy bay, không cần kinh nghiệm, liên hệ Telegram @abc',
    expect: {
      typing_job: 'đánh máy',
      hotspot_cambodia: 'Campuchia',
      light_work_high_pay: 'việc nhẹ lương cao',
      salary_in_usd: '1500$',
      free_flight_accommodation: 'bao vé máy bay',
      no_experience_needed: 'không cần kinh nghiệm',
      contact_telegram_only: 'Telegram',
    },
  },
  {
    lang: 'vi',
    text: '🔥TUYỂN GẤP 20 bạn làm CSKH tại Xi-ha-núc-vin 🇰🇭 Công việc nhẹ nhàng, lương cao 25-30 triệu/tháng. Bao ăn ở, xuất cảnh nhanh, không cần hộ chiếu, có người đón tại cửa khẩu. Chỉ cần biết tiếng Việt! Ib zalo 09xx.xxx.xxx',
    expect: {
      customer_service_abroad: 'làm CSKH',
      hotspot_cambodia_border: 'Xi-ha-núc-vin',
      light_work_high_pay: 'Công việc nhẹ nhàng, lương cao',
      free_food_lodging: 'Bao ăn ở',
      quick_departure: 'xuất cảnh nhanh',
      visa_not_needed: 'không cần hộ chiếu',
      transit_pickup_arranged: 'có người đón tại cửa khẩu',
      basic_skills_only: 'Chỉ cần biết tiếng Việt',
      contact_chat_app: 'zalo',
      contact_inbox_only: 'Ib',
    },
  },
  {
    lang: 'en',
    text: 'URGENT HIRING!!! Customer Service Representative in Mae Sot, Thailand. Salary $1,200/month + commission. Free air ticket, free accommodation & food. No experience needed, basic English only. Travel on tourist visa, company arranges everything. Contact Telegram @hr_recruit88',
    expect: {
      customer_service_abroad: 'Customer Service Representative',
      hotspot_thai_border: 'Mae Sot',
      salary_in_usd: '$1,200',
      free_flight_accommodation: 'Free air ticket',
      free_food_lodging: 'free accommodation',
      no_experience_needed: 'No experience needed',
      basic_skills_only: 'basic English only',
      tourist_visa_work: 'tourist visa',
      contact_telegram_only: 'Contact Telegram',
    },
  },
  {
    lang: 'th',
    text: 'รับสมัครแอดมินออนไลน์ ตอบแชทลูกค้า ทำงานที่กัมพูชา งานสบาย รายได้ดี เงินเดือน 35,000 บาท ไม่ต้องมีประสบการณ์ ฟรีที่พักและอาหาร ออกค่าเดินทางให้ สนใจแอดไลน์ หรือ เทเลแกรม @job_kh',
    expect: {
      chat_admin_job: 'แอดมินออนไลน์',
      hotspot_cambodia: 'ทำงานที่กัมพูชา',
      light_work_high_pay: 'งานสบาย รายได้ดี',
      no_experience_needed: 'ไม่ต้องมีประสบการณ์',
      free_food_lodging: 'ฟรีที่พักและอาหาร',
      free_flight_accommodation: 'ออกค่าเดินทางให้',
      contact_chat_app: 'แอดไลน์',
      contact_telegram_only: 'เทเลแกรม',
    },
  },
  {
    lang: 'id',
    text: 'LOWONGAN KERJA KAMBOJA 🇰🇭 Posisi: Admin Online / Customer Service. Gaji USD 1000 - 1200 + bonus. Kerja santai gaji besar, tanpa pengalaman, cukup bisa mengetik. Tiket pesawat gratis, mess gratis. Berangkat pakai visa kunjungan, proses cepat! Minat hubungi WA 0812xxxx atau Telegram @lokerkh',
    expect: {
      hotspot_cambodia: 'KAMBOJA',
      chat_admin_job: 'Admin Online',
      customer_service_abroad: 'Customer Service',
      salary_in_usd: 'USD 1000',
      light_work_high_pay: 'Kerja santai gaji besar',
      no_experience_needed: 'tanpa pengalaman',
      basic_skills_only: 'cukup bisa mengetik',
      free_flight_accommodation: 'Tiket pesawat gratis',
      free_food_lodging: 'mess gratis',
      tourist_visa_work: 'visa kunjungan',
      quick_departure: 'proses cepat',
      contact_chat_app: 'hubungi WA',
      contact_telegram_only: 'Telegram',
    },
  },
  {
    lang: 'ms',
    text: 'Tawaran kerja di Kemboja! Jawatan khidmat pelanggan di syarikat pelaburan, gaji lumayan RM5,000 - RM8,000 sebulan. Kerja mudah gaji lumayan, tiada pengalaman pun boleh. Tiket kapal terbang percuma, penginapan percuma. PM tepi atau WhatsApp 01x-xxxx',
    expect: {
      hotspot_cambodia: 'Kemboja',
      customer_service_abroad: 'khidmat pelanggan',
      crypto_investment_job: 'syarikat pelaburan',
      high_pay_promise: 'gaji lumayan',
      light_work_high_pay: 'Kerja mudah gaji lumayan',
      no_experience_needed: 'tiada pengalaman',
      free_flight_accommodation: 'Tiket kapal terbang percuma',
      free_food_lodging: 'penginapan percuma',
      contact_inbox_only: 'PM tepi',
      contact_chat_app: 'WhatsApp',
    },
  },
  {
    lang: 'fil',
    text: 'HIRING! Chat Support / Data Encoder sa Thailand 🇹🇭 Sahod 60k-80k a month! Madaling trabaho, malaking sahod. Kahit walang experience, basta marunong mag-English. Libreng plane ticket at libreng tirahan. Tourist visa lang, hindi na kailangan ng visa. PM lang or Telegram @ph_hr',
    expect: {
      chat_admin_job: 'Chat Support',
      typing_job: 'Data Encoder',
      light_work_high_pay: 'Madaling trabaho, malaking sahod',
      no_experience_needed: 'Kahit walang experience',
      basic_skills_only: 'basta marunong mag-English',
      free_flight_accommodation: 'Libreng plane ticket',
      free_food_lodging: 'libreng tirahan',
      tourist_visa_work: 'Tourist visa',
      visa_not_needed: 'hindi na kailangan ng visa',
      contact_inbox_only: 'PM lang',
      contact_telegram_only: 'Telegram',
    },
  },
  {
    lang: 'zh',
    text: '【柬埔寨西港高薪招聘】客服/打字员，月薪过万，工作轻松 待遇高，无需经验，会打字即可。包吃包住，报销机票，落地签即可入境。有意者加飞机：@xg_hr888',
    expect: {
      hotspot_cambodia: '柬埔寨',
      hotspot_cambodia_border: '西港',
      high_pay_promise: '高薪',
      customer_service_abroad: '客服',
      typing_job: '打字员',
      light_work_high_pay: '工作轻松 待遇高',
      no_experience_needed: '无需经验',
      basic_skills_only: '会打字即可',
      free_food_lodging: '包吃包住',
      free_flight_accommodation: '报销机票',
      tourist_visa_work: '落地签',
      contact_telegram_only: '加飞机',
    },
  },
  {
    lang: 'km',
    text: 'ជ្រើសរើសបុគ្គលិកសេវាកម្មអតិថិជន ធ្វើការនៅក្រុងព្រះសីហនុ ការងារស្រួល ប្រាក់ខែខ្ពស់ ៨០០-១២០០ ដុល្លារ មិនត្រូវការបទពិសោធន៍ ស្នាក់នៅឥតគិតថ្លៃ ទាក់ទង តេឡេក្រាម @kh_job',
    expect: {
      customer_service_abroad: 'បុគ្គលិកសេវាកម្មអតិថិជន',
      hotspot_cambodia_border: 'ក្រុងព្រះសីហនុ',
      light_work_high_pay: 'ការងារស្រួល ប្រាក់ខែខ្ពស់',
      no_experience_needed: 'មិនត្រូវការបទពិសោធន៍',
      free_food_lodging: 'ស្នាក់នៅឥតគិតថ្លៃ',
      contact_telegram_only: 'តេឡេក្រាម',
    },
  },
  {
    lang: 'lo',
    text: 'ປະກາດຮັບສະໝັກພະນັກງານ ວຽກຕອບແຊັດ ເຮັດວຽກຢູ່ເຂດເສດຖະກິດພິເສດສາມຫຼ່ຽມຄຳ ເງິນເດືອນສູງ 800$ ບໍ່ຕ້ອງມີປະສົບການ ມີທີ່ພັກ ແລະ ອາຫານ ສົນໃຈທັກແຊັດ ຫຼື ວອດແອັບ',
    expect: {
      chat_admin_job: 'ວຽກຕອບແຊັດ',
      hotspot_laos_golden_triangle: 'ເຂດເສດຖະກິດພິເສດສາມຫຼ່ຽມຄຳ',
      high_pay_promise: 'ເງິນເດືອນສູງ',
      salary_in_usd: '800$',
      no_experience_needed: 'ບໍ່ຕ້ອງມີປະສົບການ',
      free_food_lodging: 'ມີທີ່ພັກ ແລະ ອາຫານ',
      contact_inbox_only: 'ທັກແຊັດ',
      contact_chat_app: 'ວອດແອັບ',
    },
  },
  {
    lang: 'my',
    text: 'မြဝတီဘက်မှာ အွန်လိုင်းအလုပ် ဝန်ထမ်းခေါ်နေပါတယ်။ အလုပ်သက်သာ လစာကောင်း၊ အတွေ့အကြုံမလိုအပ်ပါ။ နေစရာစားစရာအခမဲ့၊ ဗီဇာမလို။ တယ်လီဂရမ် @mm_job',
    expect: {
      hotspot_myanmar_border: 'မြဝတီ',
      light_work_high_pay: 'အလုပ်သက်သာ လစာကောင်း',
      no_experience_needed: 'အတွေ့အကြုံမလိုအပ်',
      free_food_lodging: 'နေစရာစားစရာအခမဲ့',
      visa_not_needed: 'ဗီဇာမလို',
      contact_telegram_only: 'တယ်လီဂရမ်',
    },
  },
];

/** Ordinary job ads, several deliberately full of phrases that scam posts also use. */
export const ORDINARY_ADS: Array<{ lang: Lang; text: string }> = [
  { lang: 'en', text: 'Hiring accountant, 3 years experience, salary negotiable, send CV to hr@company.com' },
  {
    lang: 'en',
    text: 'We are hiring a Sales Executive in Kuala Lumpur. Requirements: degree in business, 2 years experience, own transport. Attractive salary, EPF and SOCSO. Apply via JobStreet.',
  },
  {
    lang: 'en',
    text: 'Part-time barista wanted at our cafe in Makati. Flexible hours. Walk-in interviews Mon-Fri 10am-4pm.',
  },
  {
    lang: 'en',
    text: 'Call center agents wanted for our Cebu office, no experience needed, paid training, day shift. Apply on our careers page or message us on WhatsApp.',
  },
  {
    lang: 'vi',
    text: 'Công ty TNHH ABC tuyển kế toán tổng hợp, yêu cầu tốt nghiệp đại học chuyên ngành kế toán, 2 năm kinh nghiệm. Lương thỏa thuận, đóng BHXH đầy đủ. Gửi CV về email tuyendung@abc.vn',
  },
  {
    lang: 'vi',
    text: 'Tuyển công nhân may, không cần kinh nghiệm, được đào tạo, lương 8-10 triệu, làm việc tại KCN Tân Bình. Liên hệ Zalo 0909xxxxxx',
  },
  { lang: 'vi', text: 'Tuyển bảo vệ ca đêm cho tòa nhà văn phòng quận 1, lương 7 triệu, nghỉ 4 ngày/tháng.' },
  {
    lang: 'th',
    text: 'บริษัทรับสมัครพนักงานบัญชี วุฒิปริญญาตรี ประสบการณ์ 2 ปีขึ้นไป อายุ 22-35 ปี เงินเดือนตามโครงสร้างบริษัท มีประกันสังคม สนใจส่งเรซูเม่มาที่ hr@company.co.th',
  },
  { lang: 'th', text: 'รับสมัครแอดมินเพจ ทำงานที่บ้าน ไม่จำกัดวุฒิ สนใจแอดไลน์ @shopdee' },
  {
    lang: 'id',
    text: 'Dibutuhkan staf administrasi untuk kantor di Jakarta Selatan. Syarat: pendidikan minimal S1, pengalaman 1 tahun, usia 22-30 tahun, menguasai Microsoft Office. Kirim lamaran ke hrd@perusahaan.co.id',
  },
  {
    lang: 'id',
    text: 'Dicari admin online untuk toko online kami, tanpa pengalaman, gaji UMR, hubungi WA 0812xxxxxxx',
  },
  {
    lang: 'ms',
    text: 'Kekosongan jawatan kerani akaun di Shah Alam. Kelayakan: Diploma dalam perakaunan, pengalaman 2 tahun. Gaji RM2,500 - RM3,000, KWSP dan PERKESO. Hantar resume ke hr@syarikat.com.my',
  },
  {
    lang: 'fil',
    text: 'Hiring: Accounting Staff sa Pasig. Qualifications: graduate ng BS Accountancy, may 1 year experience. Competitive salary and benefits. Send your resume to careers@company.ph',
  },
  {
    lang: 'zh',
    text: '招聘会计一名，要求会计专业本科以上学历，三年以上工作经验，熟悉财务软件。薪资面议，五险一金。简历请发送至 hr@company.cn',
  },
  {
    lang: 'km',
    text: 'ក្រុមហ៊ុនយើងខ្ញុំត្រូវការជ្រើសរើសគណនេយ្យករ ១ រូប មានបទពិសោធន៍ ២ ឆ្នាំ បញ្ចប់ថ្នាក់បរិញ្ញាបត្រ ប្រាក់ខែតាមការចរចា ផ្ញើ CV មកកាន់ hr@company.com.kh',
  },
  {
    lang: 'lo',
    text: 'ບໍລິສັດຕ້ອງການຮັບສະໝັກພະນັກງານບັນຊີ 1 ຕຳແໜ່ງ ຈົບປະລິນຍາຕີ ມີປະສົບການ 2 ປີ ເງິນເດືອນຕາມການຕົກລົງ ສົ່ງໃບສະໝັກມາທີ່ hr@company.la',
  },
  {
    lang: 'my',
    text: 'ကုမ္ပဏီမှ စာရင်းကိုင် ၁ ဦး ခေါ်ယူပါမည်။ B.Com ဘွဲ့ရ၊ လုပ်ငန်းအတွေ့အကြုံ ၂ နှစ်ရှိရမည်။ လစာ ညှိနှိုင်း။ CV ကို hr@company.com.mm သို့ ပို့ပါ။',
  },
];

/**
 * Ordinary domestic ads for shop, restaurant, factory and farm work, as the region writes them:
 * no experience needed, lodging given, contact by a chat app (supporting.json: red flags only beside
 * another). Written for this project in the style of local job groups; not quoted from anywhere.
 */
export const DOMESTIC_ADS: Array<{ lang: Lang; text: string }> = [
  {
    lang: 'th',
    text: 'รับสมัครพนักงานร้านกาแฟ ไม่ต้องมีประสบการณ์ มีที่พักให้ เงินเดือน 12,000 บาท สนใจติดต่อ Line: cafe123',
  },
  {
    lang: 'vi',
    text: 'Tuyển nhân viên phục vụ quán ăn, không cần kinh nghiệm, bao ăn ở, lương 7 triệu/tháng. Liên hệ Zalo 0912345678',
  },
  {
    lang: 'vi',
    text: 'Tuyển gấp 10 công nhân may, không cần kinh nghiệm, có ký túc xá miễn phí, lương 9-12 triệu. Liên hệ Zalo: 0987654321',
  },
  {
    lang: 'id',
    text: 'Lowongan kerja operator produksi di Bekasi, tanpa pengalaman, gaji Rp 5.000.000, mess gratis, hubungi WhatsApp 0812-3456-7890',
  },
  {
    lang: 'en',
    text: 'Hiring: service crew, no experience needed, with free accommodation. Message us on WhatsApp 09171234567',
  },
  {
    lang: 'ms',
    text: 'Jawatan kosong pembantu kedai, tiada pengalaman diperlukan, tempat tinggal disediakan. WhatsApp 012-3456789',
  },
  { lang: 'zh', text: '招聘餐厅服务员，无需经验，包吃包住，月薪4000元，有意者请加微信 abc12345' },
  { lang: 'km', text: 'ជ្រើសរើសបុគ្គលិកហាងកាហ្វេ មិនត្រូវការបទពិសោធន៍ មានកន្លែងស្នាក់នៅ ទាក់ទង Telegram 012345678' },
  { lang: 'lo', text: 'ຮັບສະໝັກພະນັກງານຮ້ານອາຫານ ບໍ່ຈຳເປັນຕ້ອງມີປະສົບການ ມີບ່ອນພັກໃຫ້ ຕິດຕໍ່ WhatsApp 020 5555 1234' },
];

/**
 * A victim's or a family's plea for help, as people write them (ILO forced-labour indicators:
 * retention of identity documents, physical violence, restriction of movement).
 */
export const VICTIM_PLEAS: ScamFixture[] = [
  {
    lang: 'en',
    text: 'They took my passport and beat me in Myawaddy. Please help me get out',
    expect: {
      passport_kept: 'took my passport',
      violence_threats: 'beat me',
      hotspot_myanmar_border: 'Myawaddy',
    },
  },
  {
    lang: 'en',
    text: 'I am being held in a compound in Sihanoukville and they beat us every day',
    expect: { closed_compound: 'held in a compound', violence_threats: 'beat us' },
  },
  {
    lang: 'zh',
    text: '我在缅北被打了，护照被收走，求救',
    expect: { violence_threats: '被打了', passport_kept: '护照被收走' },
  },
  {
    lang: 'id',
    text: 'Saya disekap dan dipukuli di Kamboja, paspor saya ditahan, tolong bantu saya pulang',
    expect: {
      closed_compound: 'disekap',
      violence_threats: 'dipukuli',
      passport_kept: 'paspor saya ditahan',
    },
  },
  {
    lang: 'fil',
    text: 'Kinuha nila ang passport ko at binugbog kami sa Myawaddy, tulungan niyo kami',
    expect: {
      passport_kept: 'Kinuha nila ang passport',
      violence_threats: 'binugbog',
      hotspot_myanmar_border: 'Myawaddy',
    },
  },
  {
    lang: 'km',
    text: 'ពួកគេយកលិខិតឆ្លងដែនរបស់ខ្ញុំ ហើយវាយខ្ញុំនៅប៉ោយប៉ែត សូមជួយខ្ញុំផង',
    expect: { passport_kept: 'យកលិខិតឆ្លងដែន', violence_threats: 'វាយខ្ញុំ', hotspot_cambodia_border: 'ប៉ោយប៉ែត' },
  },
  {
    lang: 'lo',
    text: 'ພວກເຂົາເອົາໜັງສືຜ່ານແດນຂອງຂ້ອຍ ແລະ ຕີພວກເຮົາ ຢູ່ສາມຫຼ່ຽມຄຳ ຊ່ວຍແດ່',
    expect: { passport_kept: 'ເອົາໜັງສືຜ່ານແດນ', violence_threats: 'ຕີພວກເຮົາ' },
  },
  {
    lang: 'my',
    text: 'သူတို့က ကျွန်တော့် ပတ်စ်ပို့ကို သိမ်းပြီး မြဝတီမှာ ရိုက်နှက်တယ် ကယ်ပါ',
    expect: { passport_kept: 'ပတ်စ်ပို့ကို သိမ်း', violence_threats: 'ရိုက်နှက်' },
  },
];
